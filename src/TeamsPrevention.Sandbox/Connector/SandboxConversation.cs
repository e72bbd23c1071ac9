using System.Text.Json.Nodes;

namespace TeamsPrevention.Sandbox.Connector;

/// <summary>Mutable conversation kept by <see cref="Tenant.SandboxState"/>; only touched under its lock.</summary>
internal sealed class SandboxConversation(string id, string tenantId, string appId, string personaObjectId, string memberId, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string TenantId { get; } = tenantId;

    public string AppId { get; } = appId;

    public string PersonaObjectId { get; } = personaObjectId;

    public string MemberId { get; } = memberId;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public List<StoredActivity> Activities { get; } = [];

    public ConversationSnapshot Snapshot() =>
        new(Id, TenantId, AppId, PersonaObjectId, MemberId, CreatedAt, [.. Activities.Select(a => a.Snapshot())]);

    internal sealed class StoredActivity(string id, string sender, string? replyToId, DateTimeOffset timestamp, JsonObject first)
    {
        public string Id { get; } = id;

        public string Sender { get; } = sender;

        public string? ReplyToId { get; } = replyToId;

        public DateTimeOffset Timestamp { get; } = timestamp;

        public List<JsonObject> Versions { get; } = [first];

        public ActivitySnapshot Snapshot() =>
            new(Id, Sender, ReplyToId, Timestamp, (JsonObject)Versions[^1].DeepClone(), [.. Versions.Select(v => (JsonObject)v.DeepClone())]);
    }
}
