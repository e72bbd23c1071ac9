using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// What the alerts hold about a directory person, for the DPO's subject-access export: the alerts they sent and those
/// addressed to them or answered by them — reference, severity, category, dates and answer; never the message (it is
/// about a situation's subject and was shared only inside the cell).
/// </summary>
public sealed class AlertPersonRecords(AppDbContext db)
{
    public async Task<AlertPersonRecord> ForPersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        var sent = await db.Set<Alert>().AsNoTracking()
            .Where(a => a.SenderPersonId == personId)
            .OrderBy(a => a.CreatedAt)
            .Select(a => new PersonAlertSent(a.Reference, a.Severity, a.Category, a.SituationCode, a.CreatedAt, a.WithdrawnAt))
            .ToListAsync(cancellationToken);
        var received = await db.Set<AlertRecipient>().AsNoTracking()
            .Where(r => r.PersonId == personId || r.AnsweredByPersonId == personId)
            .Join(db.Set<Alert>(), r => r.AlertId, a => a.Id, (r, a) => new { a.Reference, a.Severity, a.Category, a.CreatedAt, r.Answer, r.AnsweredAt, r.AnsweredByPersonId, r.EscalationLevel })
            .ToListAsync(cancellationToken);
        return new AlertPersonRecord(
            sent,
            [.. received.OrderBy(r => r.CreatedAt).Select(r => new PersonAlertReceived(
                r.Reference, r.Severity, r.Category, r.CreatedAt, r.Answer, r.AnsweredAt, r.AnsweredByPersonId == personId, r.EscalationLevel))]);
    }
}

public sealed record AlertPersonRecord(IReadOnlyList<PersonAlertSent> Sent, IReadOnlyList<PersonAlertReceived> Received);

public sealed record PersonAlertSent(string Reference, AlertSeverity Severity, AlertCategory Category, string? SituationCode, DateTimeOffset SentAt, DateTimeOffset? WithdrawnAt);

/// <param name="AnsweredByThem">They gave the answer (possibly for their organisation).</param>
public sealed record PersonAlertReceived(
    string Reference, AlertSeverity Severity, AlertCategory Category, DateTimeOffset SentAt, AlertAnswer? Answer, DateTimeOffset? AnsweredAt, bool AnsweredByThem,
    int EscalationLevel);
