namespace TeamsPrevention.App.Graph;

/// <summary>A channel of a team.</summary>
public sealed record TeamChannel(string TeamId, string Id, string DisplayName, ChannelKind Kind, string? WebUrl);
