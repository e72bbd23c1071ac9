using Microsoft.EntityFrameworkCore;

namespace TeamsPrevention.App.Data;

/// <summary>
/// The App's one database. Each feature describes its own tables with an <see cref="IEntityTypeConfiguration{TEntity}"/>
/// in its folder; they are all applied here. Each provider has its own subclass so that it keeps its own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The provider behind this context, for the few places that need provider-specific SQL.</summary>
    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}
