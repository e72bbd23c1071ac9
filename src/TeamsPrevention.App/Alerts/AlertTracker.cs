using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Alerts;

/// <summary>
/// Builds the tracking view of alerts and its CSV export (in the reader's language, Europe/Brussels times). Need-to-know: an
/// alert's message and situation code are shown to a follower only when they may see that situation (its list, or the
/// Chair) or sent the alert; otherwise the view is its metadata (<see cref="AlertTracking.Restricted"/>). An alert
/// without a code concerns no situation: its followers see it whole.
/// </summary>
public sealed class AlertTracker(AppDbContext db, DirectoryService directory, WorkingCalendar calendar, INeedToKnowLists needToKnow)
{
    /// <summary>The sender, the Chair and Coordinators follow an alert.</summary>
    public static bool MayTrack(Alert alert, DirectoryPerson person) =>
        alert.SenderPersonId == person.Id || person.HasRole(DirectoryRole.Chair) || person.HasRole(DirectoryRole.Coordinator);

    public Task<Alert?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<Alert>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>Alerts the person follows: those they sent, or all for the Chair and Coordinators; newest first.</summary>
    public async Task<IReadOnlyList<AlertTracking>> ListAsync(DirectoryPerson person, int take, CancellationToken cancellationToken)
    {
        var all = person.HasRole(DirectoryRole.Chair) || person.HasRole(DirectoryRole.Coordinator);
        var alerts = await db.Set<Alert>().AsNoTracking()
            .Where(a => all || a.SenderPersonId == person.Id)
            .ToListAsync(cancellationToken);
        var shown = alerts.OrderByDescending(a => a.CreatedAt).Take(take).ToList();
        var visible = await needToKnow.VisibleAsync(
            [.. shown.Where(a => a.SenderPersonId != person.Id && a.SituationCode is not null).Select(a => a.SituationCode!).Distinct()], person, cancellationToken);
        var list = new List<AlertTracking>();
        foreach (var alert in shown)
        {
            list.Add(await BuildAsync(alert, MaySeeContent(alert, person, visible), cancellationToken));
        }

        return list;
    }

    /// <summary>Whether <paramref name="person"/>, who follows the alert, may read its message and situation code.</summary>
    public async Task<bool> MaySeeContentAsync(Alert alert, DirectoryPerson person, CancellationToken cancellationToken) =>
        MaySeeContent(alert, person, alert.SenderPersonId == person.Id || alert.SituationCode is null
            ? new HashSet<string>()
            : await needToKnow.VisibleAsync([alert.SituationCode], person, cancellationToken));

    private static bool MaySeeContent(Alert alert, DirectoryPerson person, IReadOnlySet<string> visibleCodes) =>
        alert.SenderPersonId == person.Id || alert.SituationCode is null || visibleCodes.Contains(alert.SituationCode);

    /// <summary>The tracking view; without <paramref name="content"/>, no message and no situation code.</summary>
    public async Task<AlertTracking> BuildAsync(Alert alert, bool content, CancellationToken cancellationToken)
    {
        var people = (await directory.GetPeopleAsync(null, null, cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
        var organisations = (await directory.GetOrganisationsAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.Name);
        var recipients = await db.Set<AlertRecipient>().AsNoTracking().Where(r => r.AlertId == alert.Id).ToListAsync(cancellationToken);
        var deliveries = await db.Set<AlertDelivery>().AsNoTracking().Where(d => d.AlertId == alert.Id).ToListAsync(cancellationToken);
        var escalations = await db.Set<AlertEscalation>().AsNoTracking().Where(e => e.AlertId == alert.Id).ToListAsync(cancellationToken);

        string Person(Guid? id) => id is { } v && people.TryGetValue(v, out var n) ? n : "—";
        string Organisation(Guid? id) => id is { } v && organisations.TryGetValue(v, out var n) ? n : "—";

        var recipientRows = recipients
            .Select(r => new AlertRecipientTracking(
                r.Id,
                r.Kind,
                r.Kind == AlertRecipientKind.Person ? Person(r.PersonId) : Organisation(r.OrganisationId),
                r.ChosenAs,
                r.Answer,
                r.AnsweredAt,
                r.AnsweredByPersonId is null ? null : Person(r.AnsweredByPersonId),
                r.EscalationLevel,
                r.EscalationDueAt,
                [.. escalations.Where(e => e.RecipientId == r.Id && e.ToPersonId != null).OrderBy(e => e.Level).Select(e => Person(e.ToPersonId))]))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var deliveryRows = deliveries
            .Select(d => new AlertDeliveryTracking(d.Id, d.RecipientId, Person(d.PersonId), d.Reason, d.Status, d.SentAt, d.Attempts, d.FailureReason))
            .OrderBy(d => d.Person, StringComparer.Ordinal)
            .ToList();
        var counts = new AlertCounts(
            deliveries.Count(d => d.Status == AlertDeliveryStatus.Queued),
            deliveries.Count(d => d.Status == AlertDeliveryStatus.Sent),
            deliveries.Count(d => d.Status == AlertDeliveryStatus.Failed),
            deliveries.Count(d => d.Status == AlertDeliveryStatus.Cancelled),
            recipients.Count,
            recipients.Count(r => r.Answer is not null),
            recipients.Count(r => r.EscalationLevel > 0),
            recipients.Count(r => r.Answer is null));
        return new AlertTracking(
            alert.Id, alert.Reference, alert.Severity, alert.Category, content ? alert.SituationCode : null, content ? alert.Message : null,
            Organisation(alert.SenderOrganisationId), alert.CreatedAt, alert.Deadline, alert.WithdrawnAt, counts, recipientRows, deliveryRows, Restricted: !content);
    }

    /// <summary>
    /// One line per recipient, in <paramref name="language"/> (the words of the alert page), times in Europe/Brussels,
    /// and the facts the page shows: who answered is named only for an organisation (a person answers for themselves,
    /// and the page shows "—" there too). Neither the message nor the situation code is exported.
    /// </summary>
    public string ToCsv(AlertTracking tracking, UserLanguage language)
    {
        var texts = AlertTexts.For(language);
        var export = AlertExportTexts.For(language);
        var culture = CultureInfo.GetCultureInfo(export.Culture);
        string Label(string text) => text.Length == 0 ? text : char.ToUpper(text[0], culture) + text[1..];
        var csv = new StringBuilder();
        csv.Append(string.Join(';', export.Headers.Select(Cell))).Append("\r\n");
        foreach (var r in tracking.Recipients)
        {
            string[] cells =
            [
                tracking.Reference,
                Label(texts.Severities[tracking.Severity]),
                r.Name,
                export.Kinds[r.Kind],
                export.ChosenAs[r.ChosenAs],
                r.Answer is { } answer ? Label(texts.Answers[answer]) : export.Waiting,
                r.AnsweredAt is { } at ? calendar.ToLocal(at).ToString("yyyy-MM-dd HH:mm", culture) : "",
                r.Kind == AlertRecipientKind.Organisation ? r.AnsweredBy ?? "" : "",
                r.EscalationLevel switch { 0 => "", 1 => export.EscalatedToDeputy, _ => export.EscalatedToChair },
                string.Join(", ", r.EscalatedTo),
                calendar.ToLocal(tracking.Deadline).ToString("yyyy-MM-dd HH:mm", culture),
            ];
            csv.Append(string.Join(';', cells.Select(Cell))).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Cell(string value)
    {
        // Quote when needed, and neutralise spreadsheet formulas.
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
