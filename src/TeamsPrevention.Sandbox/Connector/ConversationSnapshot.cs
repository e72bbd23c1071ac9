namespace TeamsPrevention.Sandbox.Connector;

/// <summary>A copy of a 1:1 conversation between a bot and a persona, as it stands (safe to read and keep).</summary>
/// <param name="MemberId">The persona's Teams user id (<c>29:...</c>).</param>
public sealed record ConversationSnapshot(
    string Id,
    string TenantId,
    string AppId,
    string PersonaObjectId,
    string MemberId,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ActivitySnapshot> Activities);
