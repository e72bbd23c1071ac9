using System.Globalization;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Tab;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// The message extension (Teams' compose box, command box, Outlook's Apps menu): search the situations the person may
/// know (<see cref="SituationSearch"/>) and unfurl links to a situation's page. Beside the situations' bot command and
/// card handler, because it is one more way into situations. Both insert the same content-free card
/// (<see cref="CodeCard"/>): the code, a fixed phrase, the link — the tab re-checks access when it is opened.
/// </summary>
internal sealed class SituationMessageExtension(SituationSearch search, DirectoryService directory, AuditLog audit, TabLinks links)
    : IMessageExtensionHandler
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public async Task<MessageExtensionResult> QueryAsync(TurnContext turn, MessageExtensionQuery query, CancellationToken cancellationToken)
    {
        var texts = SituationTexts.For(turn.Language);
        if (await SituationBotActor.FindAsync(directory, turn, cancellationToken) is not { } person)
        {
            await audit.RecordAsync(
                new AuditRecord(turn.PersonAadObjectId ?? turn.PersonTeamsUserId ?? "unknown", null, AuditAction.Denied, null, "SituationSearch", null,
                    "message extension search refused (not in the directory)", AuditOutcome.Denied),
                cancellationToken);
            return MessageExtensionResult.WithMessage(texts.UnknownPerson);
        }

        var found = await search.FindAsync(person, query.Text, cancellationToken);
        if (found.Hits.Count == 0)
        {
            return MessageExtensionResult.WithMessage(Phrases.For(turn.Language).NothingFound);
        }

        var items = found.Hits.Select(hit => new MessageExtensionItem(
            CodeCard(hit.Code, turn.Language),
            hit.Code,
            SituationTexts.Status(hit.Status, turn.Language)
                + (hit.NextReviewAt is { } next ? $" · {texts.NextReview} {Day(next)}" : ""))).ToList();
        if (found.Capped)
        {
            var more = Phrases.For(turn.Language).Capped(SituationSearch.MaxResults);
            items[^1] = items[^1] with { PreviewText = items[^1].PreviewText + " · " + more };
        }

        return MessageExtensionResult.WithItems(items);
    }

    public Task<MessageExtensionItem?> QueryLinkAsync(TurnContext turn, Uri url, CancellationToken cancellationToken)
    {
        // Not looked up: whether the code exists, or the person may see it, is for the tab to say when opened.
        var code = links.SituationCodeOf(url);
        return Task.FromResult(code is null
            ? null
            : new MessageExtensionItem(CodeCard(code, turn.Language), code, Phrases.For(turn.Language).Card));
    }

    /// <summary>The inserted card: the code, a fixed phrase in the inserting person's language, the link. Nothing else.</summary>
    internal JsonObject CodeCard(string code, UserLanguage language)
    {
        var phrases = Phrases.For(language);
        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.3",
            ["body"] = new JsonArray
            {
                new JsonObject { ["type"] = "TextBlock", ["text"] = code, ["weight"] = "Bolder", ["size"] = "Medium" },
                new JsonObject { ["type"] = "TextBlock", ["text"] = phrases.Card, ["wrap"] = true },
            },
            ["actions"] = new JsonArray
            {
                new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = phrases.Open, ["url"] = links.Situation(code).InTeams },
            },
        };
    }

    private static string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Brussels).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private sealed record Phrases(string Card, string Open, string NothingFound, string CappedFormat)
    {
        private static readonly Phrases French = new(
            "Situation suivie par la cellule. Le lien vérifie votre accès.", "Ouvrir", "Aucune situation trouvée parmi les vôtres.",
            "{0} premiers résultats : précisez le code");

        public static Phrases For(UserLanguage language) => language switch
        {
            UserLanguage.Nl => new("Situatie opgevolgd door de cel. De link controleert uw toegang.", "Openen",
                "Geen situatie gevonden bij de uwe.", "eerste {0} resultaten: verfijn de code"),
            UserLanguage.De => new("Von der Zelle begleitete Situation. Der Link prüft Ihren Zugang.", "Öffnen",
                "Keine Situation unter Ihren gefunden.", "erste {0} Ergebnisse: Code genauer angeben"),
            UserLanguage.En => new("Situation followed by the cell. The link checks your access.", "Open",
                "No situation found among yours.", "first {0} results: type more of the code"),
            _ => French,
        };

        public string Capped(int count) => string.Format(CultureInfo.InvariantCulture, CappedFormat, count);
    }
}
