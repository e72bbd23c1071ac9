using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Meetings;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Meetings;

/// <summary>The App for the meetings' background-job tests: the job's clock switched off (tests run its passes themselves).</summary>
internal static class MeetingHarness
{
    public static Task<SituationsHarness> StartAsync(
        SandboxServer? sandbox, DatabaseProvider provider = DatabaseProvider.Sqlite, FakeTimeProvider? clock = null, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Meetings:WorkerEnabled"] = "false", ["App:PublicBaseUrl"] = "https://tp.example/" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return SituationsHarness.StartAsync(provider, sandbox, clock, all);
    }

    public static Task<int> RetryPassAsync(SituationsHarness h) =>
        h.WithAsync<MeetingService, int>(s => s.RetryDuePassAsync(20, CancellationToken.None));

    public static Task<int> NoticePassAsync(SituationsHarness h) =>
        h.WithAsync<MeetingNotices, int>(s => s.RunPassAsync(CancellationToken.None));

    /// <summary>Brings the automatic retry of a meeting forward to now.</summary>
    public static Task<int> MakeRetryDueAsync(SituationsHarness h, Guid id) =>
        h.InScopeAsync(db => db.Set<Meeting>().Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextSyncAt, DateTimeOffset.UnixEpoch)));

    public static Task<Meeting> LoadAsync(SituationsHarness h, Guid id) =>
        h.InScopeAsync(db => db.Set<Meeting>().AsNoTracking().FirstAsync(m => m.Id == id));
}
