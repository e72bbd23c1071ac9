using System.Text.Json.Nodes;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// What a feature sends to Teams, in the product's own terms: an Adaptive Card (built by the feature) with the preview
/// text Teams shows in notifications and the chat list, or a plain (markdown) text. <c>Bot/</c> turns it into an activity.
/// </summary>
public sealed class BotMessage
{
    private BotMessage(JsonObject? card, string text)
    {
        Card = card;
        Text = text;
    }

    /// <summary>The card, or null for a text message.</summary>
    public JsonObject? Card { get; }

    /// <summary>The card's preview (no personal data: it shows in notifications), or the message's text.</summary>
    public string Text { get; }

    /// <summary>A card with its preview text.</summary>
    public static BotMessage WithCard(JsonObject card, string preview) => new(card, preview);

    /// <summary>A text message (markdown).</summary>
    public static BotMessage Plain(string text) => new(null, text);

    /// <summary>The activity on the wire: a card's preview is both its summary and its text, as Teams shows either.</summary>
    internal Activity ToActivity()
    {
        if (Card is null)
        {
            return Activity.Message(Text);
        }

        var activity = Activity.Card(Card, Text);
        activity.Text = Text;
        return activity;
    }
}
