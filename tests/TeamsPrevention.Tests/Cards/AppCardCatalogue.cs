using System.Text.Json.Nodes;
using TeamsPrevention.App.Cards;

namespace TeamsPrevention.Tests.Cards;

/// <summary>
/// Every Adaptive Card the App builds, in every language and state, by name: add a feature's cards here and
/// <see cref="AppCardsTests"/> checks them with the official renderer. (The welcome and help are plain texts.)
/// </summary>
public static class AppCardCatalogue
{
    /// <summary>A winter and a summer instant, so both Brussels offsets are exercised.</summary>
    private static readonly DateTimeOffset[] Instants =
    [
        new(2026, 11, 29, 14, 4, 0, TimeSpan.Zero),
        new(2026, 7, 14, 8, 30, 0, TimeSpan.Zero),
    ];

    public static IReadOnlyDictionary<string, JsonNode> All()
    {
        var cards = new Dictionary<string, JsonNode>();
        foreach (var language in Enum.GetValues<UserLanguage>())
        {
            cards[$"secrecy pending ({language})"] = SecrecyCards.Pending(language, "general");
            foreach (var instant in Instants)
            {
                cards[$"secrecy acknowledged ({language}, {instant:yyyy-MM-dd})"] = SecrecyCards.Acknowledged(language, instant);
            }
        }

        return cards;
    }
}
