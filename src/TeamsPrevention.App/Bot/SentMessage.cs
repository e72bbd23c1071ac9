namespace TeamsPrevention.App.Bot;

/// <summary>A message the bot sent: where it is, so that it can be updated later (features store these three values).</summary>
public sealed record SentMessage(string ServiceUrl, string ConversationId, string ActivityId);
