using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Meetings;

/// <summary><c>planifier</c> / <c>schedule</c>: opens the scheduling card, for the coordination only.</summary>
public sealed class ScheduleMeetingCommand(DirectoryService directory, TimeProvider time) : IBotCommand
{
    public IReadOnlyDictionary<UserLanguage, BotCommandText> Texts { get; } = MeetingTexts.All.ToDictionary(
        l => l, l => new BotCommandText(MeetingTexts.For(l).ScheduleKeyword, MeetingTexts.For(l).ScheduleDescription));

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var texts = MeetingTexts.For(turn.Language);
        var person = Guid.TryParse(turn.PersonAadObjectId, out var oid) ? await directory.FindByEntraObjectIdAsync(oid, cancellationToken) : null;
        if (person is not { Active: true } || !(person.HasRole(DirectoryRole.Coordinator) || person.HasRole(DirectoryRole.Chair)))
        {
            await turn.ReplyAsync(texts.CoordinationOnly, cancellationToken);
            return;
        }

        var tomorrow = DateOnly.FromDateTime(BrusselsTime.ToLocal(time.GetUtcNow()).DateTime).AddDays(7);
        await turn.ReplyCardAsync(MeetingCards.ScheduleForm(turn.Language, tomorrow), texts.ScheduleTitle, cancellationToken);
    }
}
