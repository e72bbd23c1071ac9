using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Bot;

namespace TeamsPrevention.Tests.Bot;

/// <summary>The activity records read and write the wire format without losing anything.</summary>
public sealed class ActivitySerializationTests
{
    public static TheoryData<string> ReferenceActivities()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Bot", "Activities"), "*.json").Order())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReferenceActivities))]
    public void RoundTripsReferenceActivityWithoutLosingAProperty(string file)
    {
        var original = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Bot", "Activities", file));

        var activity = JsonSerializer.Deserialize<Activity>(original, ActivityJson.Options)!;
        var written = JsonSerializer.Serialize(activity, ActivityJson.Options);

        AssertSameJson(JsonNode.Parse(original), JsonNode.Parse(written), "$");
    }

    [Fact]
    public void ReadsTheTypedFieldsOfAChannelMention()
    {
        var activity = JsonSerializer.Deserialize<Activity>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Bot", "Activities", "message-channel-mention.json")), ActivityJson.Options)!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("channel", activity.Conversation?.ConversationType);
        Assert.Equal("00000000-0000-0000-0000-0000000000001", activity.TenantId);
        Assert.Equal("team-id", activity.ChannelData?.Team?.Id);
        Assert.Equal("channel-announcements-id", activity.ChannelData?.Channel?.Id);
        var mention = Assert.Single(activity.Entities!, e => e.Type == "mention");
        Assert.Equal(activity.Recipient?.Id, mention.Mentioned?.Id);
        Assert.Equal("<at>Test Bot</at>", mention.Text);
        Assert.Equal("US", activity.Entities!.Single(e => e.Type == "clientInfo").Extra!["country"].GetString());
    }

    [Theory]
    [InlineData("<at>Test Bot</at> aide", "aide", true)]
    [InlineData("<at>Test Bot</at>&nbsp;ping  a&amp;b", "ping a&b", true)]
    [InlineData("<p><at>Test Bot</at> hilfe</p>", "hilfe", true)]
    [InlineData("aide", "aide", false)]
    public void ReadsTheTextAddressedToTheBot(string text, string expected, bool mentioned)
    {
        var activity = new Activity
        {
            Text = text,
            Recipient = new ChannelAccount { Id = "28:bot" },
            Entities = text.Contains("<at>", StringComparison.Ordinal)
                ? [new Entity { Type = "mention", Text = "<at>Test Bot</at>", Mentioned = new ChannelAccount { Id = "28:bot" } }]
                : null,
        };

        Assert.Equal((expected, mentioned), BotTurnRouter.ReadText(activity));
    }

    /// <summary>Same JSON, property by property; timestamps compare as instants ("Z" and "+00:00" are one time).</summary>
    private static void AssertSameJson(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject obj:
                var written = Assert.IsType<JsonObject>(actual);
                Assert.Equal(obj.Select(p => p.Key).Order(), written.Select(p => p.Key).Order());
                foreach (var (name, value) in obj)
                {
                    AssertSameJson(value, written[name], $"{path}.{name}");
                }

                break;
            case JsonArray array:
                var writtenArray = Assert.IsType<JsonArray>(actual);
                Assert.Equal(array.Count, writtenArray.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    AssertSameJson(array[i], writtenArray[i], $"{path}[{i}]");
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetValue<string>(), out var instant) && value.GetValue<string>().Contains('T'):
                Assert.Equal(instant, DateTimeOffset.Parse(actual!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: {expected?.ToJsonString()} became {actual?.ToJsonString()}");
                break;
        }
    }
}
