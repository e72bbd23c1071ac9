namespace TeamsPrevention.Sandbox.Graph;

/// <summary>A <c>teamsAsyncOperation</c> creating a shared channel; it succeeds at <see cref="ReadyAt"/>.</summary>
public sealed record SandboxTeamsOperation(string Id, string TeamId, string ChannelId, DateTimeOffset CreatedAt, DateTimeOffset ReadyAt);
