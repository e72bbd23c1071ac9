using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;

namespace TeamsPrevention.Tests.Bot;

/// <summary>A command registered by the tests: answers <c>pong:</c> and the arguments it received.</summary>
public sealed class PingCommand : IBotCommand
{
    public IReadOnlyDictionary<UserLanguage, BotCommandText> Texts { get; } = new Dictionary<UserLanguage, BotCommandText>
    {
        [UserLanguage.Fr] = new("ping", "vérifie que le bot répond"),
        [UserLanguage.Nl] = new("ping", "controleert of de bot antwoordt"),
        [UserLanguage.De] = new("ping", "prüft, ob der Bot antwortet"),
        [UserLanguage.En] = new("ping", "checks that the bot answers"),
    };

    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        turn.ReplyAsync($"pong:{arguments}", cancellationToken);
}
