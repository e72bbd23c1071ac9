namespace TeamsPrevention.App.Bot;

/// <summary>The id the Bot Connector returns for a created activity or conversation.</summary>
public sealed record ResourceResponse(string? Id);
