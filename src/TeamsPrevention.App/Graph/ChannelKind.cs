namespace TeamsPrevention.App.Graph;

/// <summary>Who sees a channel: the whole team, its listed members, or members possibly from other teams and tenants.</summary>
public enum ChannelKind
{
    Standard,
    Private,
    Shared,
}
