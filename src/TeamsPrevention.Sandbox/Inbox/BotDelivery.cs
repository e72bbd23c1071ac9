using System.Text.Json.Nodes;

namespace TeamsPrevention.Sandbox.Inbox;

/// <summary>What the bot answered to an activity: its HTTP status (0 when unreachable), body, or why it failed.</summary>
public sealed record BotDelivery(string ActivityType, int Status, JsonNode? Body, string? Error)
{
    public bool Succeeded => Status is >= 200 and < 300;
}
