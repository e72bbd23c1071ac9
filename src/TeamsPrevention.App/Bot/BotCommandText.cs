namespace TeamsPrevention.App.Bot;

/// <summary>A command's keyword (one word, matched ignoring case and accents) and its line in the help answer.</summary>
public sealed record BotCommandText(string Keyword, string Description);
