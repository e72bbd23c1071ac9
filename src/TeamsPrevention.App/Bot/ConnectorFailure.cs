namespace TeamsPrevention.App.Bot;

/// <summary>How a Bot Connector call ended when it did not succeed.</summary>
public enum ConnectorFailure
{
    /// <summary>The person blocked or removed the bot (403 <c>MessageWritesBlocked</c>): final for this recipient, never retried.</summary>
    MessageWritesBlocked,

    /// <summary>Still throttled (429) after every attempt: try again later.</summary>
    Throttled,

    /// <summary>Still failing (412, 5xx, timeouts, network) after every attempt: try again later.</summary>
    Unavailable,

    /// <summary>Refused for good (another 4xx): the request or the conversation is wrong.</summary>
    Rejected,
}
