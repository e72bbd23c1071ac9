using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// A command a person types to the bot (in a personal chat, or mentioning the bot in a group chat or channel).
/// Register implementations with <c>services.AddScoped&lt;IBotCommand, MyCommand&gt;()</c>; the help answer lists
/// them all. The message's first words select the command (a keyword may have several words, e.g. <c>mes alertes</c>;
/// the longest keyword that begins the message wins), in any of the product's languages.
/// </summary>
public interface IBotCommand
{
    /// <summary>The command's keyword and one-line description, per language (all four should be given).</summary>
    IReadOnlyDictionary<UserLanguage, BotCommandText> Texts { get; }

    /// <summary>Handles the command; <paramref name="arguments"/> is the text after the keyword, trimmed.</summary>
    Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken);
}
