using System.Data.Common;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.Tests.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Audit;

/// <summary>
/// What an attacker who holds the whole database (but not the chain key, nor the checkpoint file) can do to the audit
/// table, written as plain SQL behind the App's back; and how the tests read the App's answer.
/// </summary>
internal static class AuditTamper
{
    /// <summary>Settings for an App whose checkpoints go to a directory of the test's own (removed by the OS's temp cleaning).</summary>
    public static Dictionary<string, string?> Settings(string checkpoints, bool seed = true, params (string Id, byte[] Key)[] keys)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Audit:Checkpoints:Directory"] = checkpoints,
            ["Directory:SeedDemo"] = seed ? "true" : "false",
        };
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"Audit:ChainKeys:{i}:Id"] = keys[i].Id;
            settings[$"Audit:ChainKeys:{i}:Key"] = Convert.ToBase64String(keys[i].Key);
        }

        return settings;
    }

    public static string NewCheckpointDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "tp-tests", "checkpoints-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    public static byte[] Key(int seed) => [.. Enumerable.Range(0, 32).Select(i => (byte)(i * seed + 1))];

    public static async Task<List<AuditEntry>> AppendAsync(DatabaseApp app, int count, string purpose = "test")
    {
        var entries = new List<AuditEntry>();
        for (var i = 0; i < count; i++)
        {
            entries.Add(await app.InScopeAsync(s => s.GetRequiredService<AuditLog>().RecordAsync(
                new AuditRecord($"00000000-0000-4000-8000-{i:D12}", "Referent", AuditAction.View, i % 2 == 0 ? "K7M-4QX" : null, "Situation", $"t{i}", purpose),
                CancellationToken.None)));
        }

        return entries;
    }

    public static Task<List<AuditEntry>> ReadAllAsync(DatabaseApp app) =>
        app.InScopeAsync(s => s.GetRequiredService<AppDbContext>().Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

    /// <summary>The DPO's verification over HTTP.</summary>
    public static async Task<AuditVerification> VerifyOverHttpAsync(DatabaseApp app)
    {
        using var dpo = app.CreateClient(DemoPeople.Dpo);
        return (await dpo.GetFromJsonAsync<AuditVerification>("/api/audit/verification"))!;
    }

    /// <summary>The DPO's checkpoint on demand over HTTP.</summary>
    public static async Task<AuditCheckpointWrite> CheckpointOverHttpAsync(DatabaseApp app)
    {
        using var dpo = app.CreateClient(DemoPeople.Dpo);
        using var response = await dpo.PostAsync(new Uri("/api/audit/checkpoints", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AuditCheckpointWrite>())!;
    }

    /// <summary>
    /// <paramref name="template"/> renumbered and re-chained as an attacker without the key can: unkeyed, with a valid
    /// plain SHA-256 (what the chain was before it was keyed).
    /// </summary>
    public static AuditEntry ForgeUnkeyed(AuditEntry template, long sequence, string previousHash, string? purpose = null)
    {
        purpose ??= template.Purpose;
        var hash = AuditHasher.Compute(
            sequence, template.OccurredAt, template.Actor, template.ActorRole, template.Action, template.SituationCode,
            template.TargetType, template.TargetId, purpose, template.Outcome, previousHash);
        return Sealed(template, sequence, previousHash, purpose, null, hash);
    }

    /// <summary><paramref name="template"/>'s fields with another sequence, link, purpose and seal.</summary>
    public static AuditEntry Sealed(AuditEntry template, long sequence, string previousHash, string? purpose, string? keyId, string hash) =>
        new()
        {
            Sequence = sequence,
            OccurredAt = template.OccurredAt,
            Actor = template.Actor,
            ActorRole = template.ActorRole,
            Action = template.Action,
            SituationCode = template.SituationCode,
            TargetType = template.TargetType,
            TargetId = template.TargetId,
            Purpose = purpose,
            Outcome = template.Outcome,
            PreviousHash = previousHash,
            KeyId = keyId,
            Hash = hash,
        };

    /// <summary>
    /// Replaces every entry from <paramref name="from"/> on with one re-chained without the key (the first one's purpose
    /// rewritten): what "rewrite an entry and recompute every later hash" gives to whoever lacks the key. The guard must
    /// be dropped first.
    /// </summary>
    public static async Task RewriteFromAsync(DatabaseApp app, long from, string purpose)
    {
        var entries = await ReadAllAsync(app);
        var previous = from == 1 ? AuditHasher.Genesis : entries.Single(e => e.Sequence == from - 1).Hash;
        await app.Database.ExecuteAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" >= {from}""");
        foreach (var entry in entries.Where(e => e.Sequence >= from))
        {
            var forged = ForgeUnkeyed(entry, entry.Sequence, previous, entry.Sequence == from ? purpose : null);
            await InsertAsync(app.Database, forged);
            previous = forged.Hash;
        }
    }

    /// <summary>An INSERT of <paramref name="entry"/> as it is; <paramref name="conflict"/> is appended (an upsert clause).</summary>
    public static async Task InsertAsync(TestDatabase database, AuditEntry entry, string verb = "INSERT", string conflict = "")
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            {verb} INTO "AuditEntries" ("Sequence", "OccurredAt", "Actor", "ActorRole", "Action", "SituationCode", "TargetType", "TargetId", "Purpose", "Outcome", "PreviousHash", "KeyId", "Hash")
            VALUES (@s, @o, @a, @r, @ac, @sc, @tt, @ti, @p, @oc, @ph, @k, @h) {conflict}
            """;
        Add(command, "s", entry.Sequence);
        Add(command, "o", database.Provider == DatabaseProvider.Sqlite ? entry.OccurredAt.UtcTicks : entry.OccurredAt);
        Add(command, "a", entry.Actor);
        Add(command, "r", entry.ActorRole);
        Add(command, "ac", entry.Action.ToString());
        Add(command, "sc", entry.SituationCode);
        Add(command, "tt", entry.TargetType);
        Add(command, "ti", entry.TargetId);
        Add(command, "p", entry.Purpose);
        Add(command, "oc", entry.Outcome.ToString());
        Add(command, "ph", entry.PreviousHash);
        Add(command, "k", entry.KeyId);
        Add(command, "h", entry.Hash);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Drops every guard trigger: a database administrator's first move.</summary>
    public static Task DropGuardAsync(TestDatabase database) => AuditChainTests.DropGuardAsync(database);

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
