using System.Text.Json.Nodes;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Cards;

/// <summary>The validator itself: it passes a good card and catches each kind of error it claims to catch.</summary>
public sealed class AdaptiveCardValidatorTests
{
    private static JsonObject Card(string version = "1.5", JsonArray? body = null, JsonArray? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = version,
            ["body"] = body ?? new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Bonjour", ["wrap"] = true }),
        };
        if (actions is not null)
        {
            card["actions"] = actions;
        }

        return card;
    }

    [Fact]
    public async Task PassesAValidCard()
    {
        var card = Card(actions: new JsonArray(new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = "OK",
            ["verb"] = "test.ok",
            ["data"] = new JsonObject { ["n"] = 1 },
        }));

        Assert.Empty(await AdaptiveCardValidator.ValidateAsync(card));
    }

    [Theory]
    [InlineData("""{"type":"Frobnicator"}""", "Unknown element type \"Frobnicator\"")]
    [InlineData("""{"type":"TextBlock","text":"x","size":"enormous"}""", "Invalid value \"enormous\" for property \"size\"")]
    [InlineData("""{"type":"TextBlock"}""", "TextBlock at $.body[0] has no text")]
    [InlineData("""{"type":"TextBlock","text":"  "}""", "TextBlock at $.body[0] has no text")]
    [InlineData("""{"type":"Image"}""", "Image at $.body[0] has no url")]
    [InlineData("""{"type":"ActionSet","actions":[{"type":"Action.Execute","title":"OK"}]}""", "Action.Execute at $.body[0].actions[0] has no verb")]
    public async Task ReportsTheFaultyElement(string element, string expected)
    {
        var errors = await AdaptiveCardValidator.ValidateAsync(Card(body: new JsonArray(JsonNode.Parse(element))));

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportsDuplicateIds()
    {
        var body = new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["text"] = "a", ["id"] = "same" },
            new JsonObject { ["type"] = "TextBlock", ["text"] = "b", ["id"] = "same" });

        var errors = await AdaptiveCardValidator.ValidateAsync(Card(body: body));

        Assert.Contains(errors, e => e.Contains("Duplicate Id \"same\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportsUnknownActionType()
    {
        var errors = await AdaptiveCardValidator.ValidateAsync(Card(actions: new JsonArray(new JsonObject { ["type"] = "Action.Teleport", ["title"] = "x" })));

        Assert.Contains(errors, e => e.Contains("Unknown action type \"Action.Teleport\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0")]
    [InlineData("")]
    public async Task ReportsAVersionTeamsDoesNotRender(string version)
    {
        var errors = await AdaptiveCardValidator.ValidateAsync(Card(version));

        Assert.Contains(errors, e => e.StartsWith("own:", StringComparison.Ordinal) && e.Contains("version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportsACardOf28KilobytesOrMore()
    {
        var big = new JsonArray([.. Enumerable.Range(0, 30).Select(i => (JsonNode)new JsonObject { ["type"] = "TextBlock", ["text"] = new string('x', 1000) })]);

        var errors = await AdaptiveCardValidator.ValidateAsync(Card(body: big));

        Assert.Contains(errors, e => e.Contains("Teams posts must stay under 28672", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswersEachCardOfABatchInOrder()
    {
        var results = await AdaptiveCardValidator.ValidateAsync([Card(), Card("1.6"), Card()]);

        Assert.Equal(3, results.Count);
        Assert.Empty(results[0]);
        Assert.NotEmpty(results[1]);
        Assert.Empty(results[2]);
    }

    [Fact]
    public async Task JudgesEachCardOnItsOwnGivenAValidLangOnEveryCard()
    {
        // The renderer checks "lang" with a global regex that remembers its position between cards.
        var cards = Enumerable.Range(0, 4).Select(_ => (JsonNode)Card()).ToList();
        foreach (var card in cards)
        {
            card["lang"] = "fr";
        }

        var results = await AdaptiveCardValidator.ValidateAsync(cards);

        Assert.All(results, Assert.Empty);
    }
}
