using System.Text.Json.Nodes;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Secrecy;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Cards;

/// <summary>The App's cards pass the official renderer and Teams' own limits, and say what they must.</summary>
public sealed class AppCardsTests
{
    [Fact]
    public async Task EveryCardTheAppBuildsPassesTheOfficialRenderer()
    {
        var cards = AppCardCatalogue.All();

        Assert.True(cards.Count >= 12, "The catalogue lost cards.");
        await AdaptiveCardValidator.AssertValidAsync(cards);
    }

    [Theory]
    [InlineData(UserLanguage.Fr, "Engagement de confidentialité", "J'accepte", "458ter")]
    [InlineData(UserLanguage.Nl, "Geheimhoudingsverbintenis", "Ik ga akkoord", "458ter")]
    [InlineData(UserLanguage.De, "Verpflichtung zur Vertraulichkeit", "Ich stimme zu", "458ter")]
    [InlineData(UserLanguage.En, "Confidentiality commitment", "I accept", "458ter")]
    public void PendingCardAsksToAcceptInTheGivenLanguage(UserLanguage language, string title, string button, string article)
    {
        var card = SecrecyCards.Pending(language, "general");

        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal(title, (string?)card["body"]![0]!["text"]);
        Assert.Contains(article, Texts(card), StringComparison.Ordinal);
        var action = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Action.Execute", (string?)action["type"]);
        Assert.Equal("secrecy.accept", (string?)action["verb"]);
        Assert.Equal(button, (string?)action["title"]);
        Assert.Equal("general", (string?)action["data"]!["scope"]);
        Assert.Equal(SecrecyCards.TextVersion, (int?)action["data"]!["version"]);
    }

    [Theory]
    [InlineData(UserLanguage.Fr, "2026-11-29T14:04:00Z", "Engagement enregistré le 29 novembre 2026 à 15:04")]
    [InlineData(UserLanguage.Fr, "2026-07-14T08:30:00Z", "Engagement enregistré le 14 juillet 2026 à 10:30")]
    [InlineData(UserLanguage.Nl, "2026-11-29T14:04:00Z", "Verbintenis geregistreerd op 29 november 2026 om 15:04")]
    [InlineData(UserLanguage.De, "2026-11-29T14:04:00Z", "Verpflichtung erfasst am 29. November 2026 um 15:04")]
    [InlineData(UserLanguage.En, "2026-11-29T23:30:00Z", "Commitment recorded on 30 November 2026 at 00:30")]
    public void AcknowledgedCardShowsTheBrusselsDateAndNoButton(UserLanguage language, string utc, string expected)
    {
        var card = SecrecyCards.Acknowledged(language, DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains(expected, Texts(card), StringComparison.Ordinal);
        Assert.Null(card["actions"]);
        Assert.DoesNotContain("Action.", card.ToJsonString(), StringComparison.Ordinal);
    }

    private static string Texts(JsonNode card) =>
        string.Join('\n', Flatten(card).Where(n => (string?)n["type"] == "TextBlock").Select(n => (string?)n["text"]));

    private static IEnumerable<JsonObject> Flatten(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Flatten(p.Value))],
        JsonArray a => a.SelectMany(Flatten),
        _ => [],
    };
}
