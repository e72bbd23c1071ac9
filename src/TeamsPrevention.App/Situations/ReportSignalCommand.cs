using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// <c>signaler</c> / <c>signaleren</c> / <c>melden</c> / <c>report</c>: answers the signal form (an Adaptive Card with
/// <c>Action.Execute</c>). Dutch said <c>melden</c>, one letter from the alerts' <c>melding</c>: it is an alias now.
/// </summary>
internal sealed class ReportSignalCommand(SituationService situations) : IBotCommand
{
    public IReadOnlyDictionary<UserLanguage, BotCommandText> Texts { get; } = new Dictionary<UserLanguage, BotCommandText>
    {
        [UserLanguage.Fr] = new("signaler", "ouvre le formulaire de signalement"),
        [UserLanguage.Nl] = new("signaleren", "opent het signaalformulier") { Aliases = ["melden"] },
        [UserLanguage.De] = new("melden", "öffnet das Meldeformular"),
        [UserLanguage.En] = new("report", "opens the report form"),
    };

    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        turn.ReplyCardAsync(
            SituationCards.ReportForm(turn.Language, situations.Indicators, situations.IndicatorsAreExample),
            SituationTexts.For(turn.Language).ReportTitle,
            cancellationToken);
}
