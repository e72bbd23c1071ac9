using Microsoft.EntityFrameworkCore;

namespace TeamsPrevention.App.Data;

/// <summary>SQLite: migrations under <c>Data/Migrations/Sqlite</c>; times stored as UTC ticks.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
}
