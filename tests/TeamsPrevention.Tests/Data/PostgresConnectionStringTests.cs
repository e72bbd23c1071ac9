using Npgsql;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.Tests.Data;

/// <summary>The App's PostgreSQL connections prepare repeated statements unless the connection string says otherwise.</summary>
public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void PreparesRepeatedStatementsByDefault()
    {
        var built = new NpgsqlConnectionStringBuilder(DataExtensions.PostgresConnectionString("Host=db.example;Database=tp;Username=app"));

        Assert.Equal(200, built.MaxAutoPrepare);
        Assert.Equal(2, built.AutoPrepareMinUsages);
        Assert.Equal(("db.example", "tp", "app"), (built.Host, built.Database, built.Username));
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0", 0)]
    [InlineData("Host=db.example;MaxAutoPrepare=10", 10)]
    [InlineData("Host=db.example;max auto prepare=5", 5)]
    public void KeepsAStatedChoice(string configured, int expected)
    {
        var built = new NpgsqlConnectionStringBuilder(DataExtensions.PostgresConnectionString(configured));

        Assert.Equal(expected, built.MaxAutoPrepare);
        Assert.Equal(new NpgsqlConnectionStringBuilder().AutoPrepareMinUsages, built.AutoPrepareMinUsages);
    }
}
