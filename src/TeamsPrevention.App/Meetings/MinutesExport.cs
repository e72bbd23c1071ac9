using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Situations;

namespace TeamsPrevention.App.Meetings;

/// <summary>
/// The printable decision minutes of a meeting: an HTML document (print-ready CSS) in the reader's language, holding
/// only the items whose minutes the reader may read — those they were present for and whose situation they still see
/// (requirement 21 holds for the Chair too). Opened only by someone present for at least one item, or the Chair.
/// Situation codes, decisions, consensus, next review, actions with owner organisations and dates; no names, no
/// attendance list. Each exported item is audited as an export.
/// </summary>
public sealed class MinutesExport(AppDbContext db, MeetingService meetings, DirectoryService directory, TimeProvider time, ILogger<MinutesExport> logger)
{
    public async Task<string> ExportAsync(DirectoryPerson actor, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await meetings.LoadVisibleAsync(actor, meetingId, tracked: false, cancellationToken);
        var attended = meeting.Items.Where(i => i.PresentPersonIds.Contains(actor.Id)).ToList();
        if (attended.Count == 0 && !actor.HasRole(DirectoryRole.Chair))
        {
            await meetings.DenyAsync(actor, null, meeting.Id, "minutes export refused", cancellationToken);
            throw MeetingProblem.Forbidden("L'export du relevé de décisions est réservé aux personnes présentes pour au moins un point, et à la présidence.");
        }

        if (attended.Count > 0 && meeting.Attendees.FirstOrDefault(a => a.PersonId == actor.Id) is { SecrecyAcknowledgedAt: null })
        {
            throw await meetings.RefuseAsync(actor, null, meeting.Id, "minutes export refused: secrecy not acknowledged", MeetingService.SecrecyFirst, cancellationToken);
        }

        var now = time.GetUtcNow();
        var ids = attended.Select(i => i.SituationId).ToList();
        var situations = await db.Set<Situation>().AsNoTracking().Include(s => s.NeedToKnow).Include(s => s.Actions).AsSplitQuery()
            .Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var items = attended
            .Where(i => i.MinutesAt is not null && situations.TryGetValue(i.SituationId, out var s) && SituationRules.AccessOf(s, actor, now) == AccessLevel.Content)
            .OrderBy(i => i.SituationCode, StringComparer.Ordinal)
            .ToList();

        var language = Languages.FromTag(actor.PreferredLanguage);
        var t = ExportTexts.For(language);
        var culture = CultureInfo.GetCultureInfo(t.Culture);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{t.Lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>{E(t.Title)}</title>\n<style>{Css}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<header><p class=\"mark\">{E(t.Confidential)}</p><h1>{E(t.Title)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(MeetingTexts.For(language).KindName(meeting.Kind))} — {E(BrusselsTime.FormatDateTime(meeting.StartAt, language))}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(t.Scope)}</p></header>\n<main>\n");
        if (items.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(t.Nothing)}</p>\n");
        }

        foreach (var item in items)
        {
            var situation = situations[item.SituationId];
            html.Append(CultureInfo.InvariantCulture, $"<section>\n<h2>{E(t.Situation)} {E(item.SituationCode)}</h2>\n<dl>");
            html.Append(CultureInfo.InvariantCulture, $"<dt>{E(t.Decision)}</dt><dd>{E(item.Decision ?? "—")}</dd>");
            html.Append(CultureInfo.InvariantCulture, $"<dt>{E(t.Consensus)}</dt><dd>{E(item.Consensus switch { true => t.Yes, false => t.No, null => "—" })}</dd>");
            html.Append(CultureInfo.InvariantCulture, $"<dt>{E(t.NextReview)}</dt><dd>{E(item.NextReviewAt is { } next ? BrusselsTime.ToLocal(next).ToString("d MMMM yyyy", culture) : "—")}</dd></dl>\n");
            var actions = situation.Actions.Where(a => item.ActionIds.Contains(a.Id)).OrderBy(a => a.DueDate).ToList();
            if (actions.Count > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<table>\n<caption>{E(t.Actions)}</caption>\n<thead><tr><th scope=\"col\">{E(t.Action)}</th><th scope=\"col\">{E(t.Owner)}</th><th scope=\"col\">{E(t.Due)}</th></tr></thead>\n<tbody>\n");
                foreach (var action in actions)
                {
                    var owner = (await directory.GetOrganisationAsync(action.OwnerOrganisationId, cancellationToken))?.Name ?? "—";
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(action.Description)}</td><td>{E(owner)}</td><td>{E(action.DueDate.ToString("d MMMM yyyy", culture))}</td></tr>\n");
                }

                html.Append("</tbody>\n</table>\n");
            }

            html.Append("</section>\n");
            await meetings.AuditAsync(actor, AuditAction.Export, item.SituationCode, meeting.Id, "minutes export", cancellationToken);
        }

        if (items.Count == 0)
        {
            await meetings.AuditAsync(actor, AuditAction.Export, null, meeting.Id, "minutes export (no item)", cancellationToken);
        }

        html.Append(CultureInfo.InvariantCulture, $"</main>\n<footer><p>{E(t.Footer)} {E(BrusselsTime.FormatDateTime(now, language))}.</p></footer>\n</body>\n</html>\n");
        MeetingsLog.MinutesExported(logger, meeting.Id, items.Count);
        return html.ToString();
    }

    /// <summary>Escapes markup but keeps letters as they are (accents included), so the document stays readable as source too.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);

    private const string Css =
        "@page{size:A4;margin:18mm 16mm}" +
        "body{font-family:'Segoe UI',Arial,sans-serif;font-size:11pt;line-height:1.45;color:#111;max-width:52em;margin:1.5em auto;padding:0 1em}" +
        "h1{font-size:18pt;margin:.2em 0}h2{font-size:13pt;margin:0 0 .4em;border-bottom:1px solid #888}" +
        ".mark{font-weight:700;text-transform:uppercase;letter-spacing:.05em;border:2px solid #111;display:inline-block;padding:.1em .5em}" +
        ".note{color:#333;font-style:italic}section{margin:1.2em 0;break-inside:avoid;page-break-inside:avoid}" +
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:.4em 0}dt{font-weight:700}dd{margin:0;white-space:pre-wrap}" +
        "table{border-collapse:collapse;width:100%;margin:.5em 0}caption{text-align:left;font-weight:700;padding:.2em 0}" +
        "th,td{border:1px solid #666;padding:.3em .5em;text-align:left;vertical-align:top}thead{display:table-header-group}" +
        "footer{margin-top:2em;font-size:9pt;color:#333;border-top:1px solid #888}" +
        "@media print{body{margin:0;max-width:none;padding:0}a{color:inherit;text-decoration:none}}";

    private sealed record ExportTexts(
        string Lang, string Culture, string Title, string Confidential, string Scope, string Nothing, string Situation, string Decision,
        string Consensus, string Yes, string No, string NextReview, string Actions, string Action, string Owner, string Due, string Footer)
    {
        public static ExportTexts For(UserLanguage language) => language switch
        {
            UserLanguage.Nl => new(
                "nl", "nl-BE", "Besluitenlijst", "Vertrouwelijk — gedeeld beroepsgeheim (art. 458ter Sw.)",
                "Deze lijst bevat alleen de punten waarvoor u aanwezig was.", "Geen besluiten voor de punten waarvoor u aanwezig was.",
                "Situatie", "Besluit", "Consensus", "ja", "nee", "Volgende herevaluatie", "Acties", "Actie", "Verantwoordelijke organisatie", "Termijn",
                "Afgedrukt uit TeamsPrevention op"),
            UserLanguage.De => new(
                "de", "de-BE", "Beschlussprotokoll", "Vertraulich — geteiltes Berufsgeheimnis (Art. 458ter StGB)",
                "Dieses Protokoll enthält nur die Punkte, bei denen Sie anwesend waren.", "Keine Beschlüsse zu Punkten, bei denen Sie anwesend waren.",
                "Situation", "Beschluss", "Konsens", "ja", "nein", "Nächste Überprüfung", "Maßnahmen", "Maßnahme", "Verantwortliche Organisation", "Frist",
                "Aus TeamsPrevention gedruckt am"),
            UserLanguage.En => new(
                "en", "en-GB", "Decision minutes", "Confidential — shared professional secrecy (art. 458ter Criminal Code)",
                "These minutes hold only the items you were present for.", "No decisions for the items you were present for.",
                "Situation", "Decision", "Consensus", "yes", "no", "Next review", "Actions", "Action", "Owner organisation", "Due",
                "Printed from TeamsPrevention on"),
            _ => new(
                "fr", "fr-BE", "Relevé de décisions", "Confidentiel — secret professionnel partagé (art. 458ter C. pén.)",
                "Ce relevé ne contient que les points pour lesquels vous étiez présent(e).", "Aucune décision pour les points auxquels vous avez assisté.",
                "Situation", "Décision", "Consensus", "oui", "non", "Prochaine réévaluation", "Actions", "Action", "Organisation responsable", "Échéance",
                "Imprimé depuis TeamsPrevention le"),
        };
    }
}
