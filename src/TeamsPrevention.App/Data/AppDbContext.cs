using Microsoft.EntityFrameworkCore;

namespace TeamsPrevention.App.Data;

/// <summary>
/// The App's one database. Each feature describes its own tables with an <see cref="IEntityTypeConfiguration{TEntity}"/>
/// in its folder; they are all applied here. Each provider has its own subclass so that it keeps its own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}

/// <summary>SQLite: migrations under <c>Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>PostgreSQL: migrations under <c>Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
