using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Secrecy;

/// <summary>
/// Who acknowledged the secrecy duty, for which scope and text version, and when. Recording is idempotent: the first
/// acknowledgement and its audit entry commit together; a repeated one (a second click, two clicks at once) records
/// nothing and answers the first one.
/// </summary>
public sealed class SecrecyAcknowledgements(
    AppDbContext db, AuditLog audit, DirectoryService directory, TimeProvider time, ILogger<SecrecyAcknowledgements> logger)
{
    /// <summary>What the audit entries name as their target.</summary>
    public const string AuditTargetType = "SecrecyCommitment";

    /// <summary>The active directory person behind a turn (null for someone the directory does not know).</summary>
    public async Task<DirectoryPerson?> FindPersonAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!Guid.TryParse(turn.PersonAadObjectId, out var objectId))
        {
            return null;
        }

        var person = await directory.FindByEntraObjectIdAsync(objectId, cancellationToken);
        return person is { Active: true } ? person : null;
    }

    /// <summary>The person's language in the directory.</summary>
    public static UserLanguage LanguageOf(DirectoryPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return Languages.FromTag(person.PreferredLanguage);
    }

    public Task<SecrecyAcknowledgement?> FindAsync(Guid personObjectId, string scope, int textVersion, CancellationToken cancellationToken)
    {
        var id = Normalise(personObjectId);
        return db.Set<SecrecyAcknowledgement>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.PersonObjectId == id && a.Scope == scope && a.TextVersion == textVersion, cancellationToken);
    }

    /// <summary>Records the acknowledgement (and its audit entry) unless it exists; returns the stored one and whether this call recorded it.</summary>
    public async Task<(SecrecyAcknowledgement Acknowledgement, bool Recorded)> AcknowledgeAsync(
        DirectoryPerson person, string scope, int textVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scope.Length, SecrecyAcknowledgement.MaxScopeLength);
        var id = Normalise(person.EntraObjectId);
        var now = time.GetUtcNow();

        // BEGIN IMMEDIATE on SQLite, a row lock on PostgreSQL: of two clicks at once, the second waits and inserts nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        object storedTime = db.Provider == DatabaseProvider.Sqlite ? now.UtcTicks : now;
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "SecrecyAcknowledgements" ("PersonObjectId", "Scope", "TextVersion", "AcknowledgedAt")
            VALUES ({id}, {scope}, {textVersion}, {storedTime})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        if (inserted == 1)
        {
            await audit.RecordAsync(
                new AuditRecord(
                    id,
                    person.Roles.Count == 0 ? null : string.Join(',', person.Roles),
                    AuditAction.Acknowledge,
                    TargetType: AuditTargetType,
                    TargetId: $"{scope}/v{textVersion}",
                    Purpose: "Shared professional secrecy (art. 458ter)"),
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        if (inserted == 1)
        {
            SecrecyLog.Acknowledged(logger, scope, textVersion);
        }
        else
        {
            SecrecyLog.AlreadyAcknowledged(logger, scope, textVersion);
        }

        var stored = await FindAsync(person.EntraObjectId, scope, textVersion, cancellationToken)
            ?? throw new InvalidOperationException("The acknowledgement was not stored.");
        return (stored, inserted == 1);
    }

    private static string Normalise(Guid objectId) => objectId.ToString("D");
}
