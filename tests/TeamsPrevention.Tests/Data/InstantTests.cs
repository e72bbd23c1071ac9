using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Data;

/// <summary>Instants are stored and compared as UTC whatever offset they are given with (a Brussels one, for instance).</summary>
public sealed class InstantTests
{
    [Theory, BothProviders]
    public async Task ComparesInstantsGivenWithABrusselsOffset(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider);
        var brusselsNow = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(1));

        var (before, after) = await app.InScopeAsync<(int, int)>(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var before = await db.Set<AuditEntry>().CountAsync(e => e.OccurredAt <= brusselsNow.AddYears(-100));
            var after = await db.Set<AuditEntry>().CountAsync(e => e.OccurredAt <= brusselsNow.AddYears(100));
            return (before, after);
        });

        Assert.Equal(0, before);
        Assert.True(after > 0, "the seeded directory wrote at least one audit entry");
    }
}
