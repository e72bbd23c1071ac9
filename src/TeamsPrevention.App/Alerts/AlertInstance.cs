namespace TeamsPrevention.App.Alerts;

/// <summary>A running instance's heartbeat: the live instances share the tenant's Bot Connector budget.</summary>
public sealed class AlertInstance
{
    public const int MaxIdLength = 64;

    public required string Id { get; set; }

    /// <summary>UTC; refreshed every <see cref="AlertDeliveryOptions.HeartbeatInterval"/>.</summary>
    public DateTimeOffset SeenAt { get; set; }
}
