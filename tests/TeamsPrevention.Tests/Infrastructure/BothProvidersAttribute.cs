using System.Reflection;
using TeamsPrevention.App.Data;
using Xunit.Sdk;

namespace TeamsPrevention.Tests.Infrastructure;

/// <summary>Runs a data theory once on SQLite and once on PostgreSQL: <c>[Theory, BothProviders]</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseProvider.Sqlite], [DatabaseProvider.Postgres]];
}
