namespace TeamsPrevention.App.Bot;

/// <summary>A person of the directory, as the bot reaches them: the directory's id, the Entra object id, the Teams user id once known.</summary>
public sealed record BotRecipient(Guid PersonId, Guid EntraObjectId, string? TeamsUserId);
