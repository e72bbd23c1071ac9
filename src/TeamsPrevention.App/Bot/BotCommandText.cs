namespace TeamsPrevention.App.Bot;

/// <summary>A command's keyword (one or several words, matched ignoring case and accents) and its line in the help answer.</summary>
public sealed record BotCommandText(string Keyword, string Description)
{
    /// <summary>Earlier keywords people have learnt: still understood, no longer listed in the help.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
