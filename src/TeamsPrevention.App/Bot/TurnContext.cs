using System.Text.Json.Nodes;
using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// One incoming turn, as features see it: what the person wrote, in which language and conversation, and how to
/// answer. The activity's wire format stays inside <c>Bot/</c>.
/// </summary>
public sealed class TurnContext
{
    private readonly Activity _activity;
    private readonly ConnectorClient _connector;
    private readonly Uri _serviceUrl;

    internal TurnContext(Activity activity, string text, ConnectorClient connector)
    {
        _activity = activity;
        _connector = connector;
        _serviceUrl = new Uri(activity.ServiceUrl!);
        Text = text;
        Language = Languages.FromTag(activity.ClientLocale);
        Kind = ConversationReferences.KindOf(activity);
        ConversationId = ConversationReferences.BaseConversationId(activity.Conversation?.Id) ?? "";
    }

    /// <summary>The message text without the bot's mention, trimmed (empty for non-message turns).</summary>
    public string Text { get; }

    public UserLanguage Language { get; }

    public ConversationKind Kind { get; }

    /// <summary>The conversation (for a channel: the channel's, not the thread's).</summary>
    public string ConversationId { get; }

    /// <summary>The Entra object id of the person who wrote or pressed the button.</summary>
    public string? PersonAadObjectId => _activity.From?.AadObjectId;

    /// <summary>The Teams user id (<c>29:…</c>) of the person who wrote or pressed the button.</summary>
    public string? PersonTeamsUserId => _activity.From?.Id;

    /// <summary>Channels: the team's Teams id.</summary>
    public string? TeamId => _activity.ChannelData?.Team?.Id ?? _activity.ChannelData?.TeamsTeamId;

    /// <summary>Channels: the channel's Teams id.</summary>
    public string? ChannelId => Kind == ConversationKind.Channel
        ? _activity.ChannelData?.Channel?.Id ?? _activity.ChannelData?.TeamsChannelId ?? ConversationId
        : null;

    /// <summary>Texts the bot uses in this turn's language.</summary>
    public BotTexts Texts => BotTexts.For(Language);

    /// <summary>Answers the incoming activity with a text (threaded in a channel); returns the new activity's id.</summary>
    public Task<string> ReplyAsync(string text, CancellationToken cancellationToken) =>
        ReplyAsync(Activity.Message(text), cancellationToken);

    /// <summary>Answers the incoming activity with a card; returns the new activity's id (to update the card later).</summary>
    public Task<string> ReplyCardAsync(JsonObject card, string? summary, CancellationToken cancellationToken) =>
        ReplyAsync(Activity.Card(card, summary), cancellationToken);

    /// <summary>Posts a text in the conversation, not as a reply.</summary>
    public Task<string> SendAsync(string text, CancellationToken cancellationToken) =>
        _connector.SendAsync(_serviceUrl, _activity.Conversation!.Id!, Outgoing(Activity.Message(text)), cancellationToken);

    /// <summary>Posts a card in the conversation, not as a reply; returns its id.</summary>
    public Task<string> SendCardAsync(JsonObject card, string? summary, CancellationToken cancellationToken) =>
        _connector.SendAsync(_serviceUrl, _activity.Conversation!.Id!, Outgoing(Activity.Card(card, summary)), cancellationToken);

    /// <summary>Replaces a card the bot sent in this conversation.</summary>
    public Task UpdateCardAsync(string activityId, JsonObject card, CancellationToken cancellationToken) =>
        _connector.UpdateAsync(_serviceUrl, _activity.Conversation!.Id!, activityId, Outgoing(Activity.Card(card)), cancellationToken);

    private Task<string> ReplyAsync(Activity reply, CancellationToken cancellationToken) =>
        _activity.Id is { } replyToId
            ? _connector.ReplyAsync(_serviceUrl, _activity.Conversation!.Id!, replyToId, Outgoing(reply), cancellationToken)
            : _connector.SendAsync(_serviceUrl, _activity.Conversation!.Id!, Outgoing(reply), cancellationToken);

    /// <summary>Addresses an outgoing activity the way the Bot Framework does: from the bot, to the person, in this conversation.</summary>
    private Activity Outgoing(Activity activity)
    {
        activity.ChannelId = _activity.ChannelId;
        activity.ServiceUrl = _activity.ServiceUrl;
        activity.From = _activity.Recipient is { } bot ? new ChannelAccount { Id = bot.Id } : null;
        activity.Recipient = _activity.From is { } person ? new ChannelAccount { Id = person.Id } : null;
        activity.Conversation = new ConversationAccount { Id = _activity.Conversation!.Id };
        return activity;
    }
}
