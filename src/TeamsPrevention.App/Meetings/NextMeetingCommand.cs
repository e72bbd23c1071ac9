using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Situations;

namespace TeamsPrevention.App.Meetings;

/// <summary><c>prochaine réunion</c> / <c>next meeting</c>: the caller's next meeting (any kind) as a card with the Teams join link.</summary>
public sealed class NextMeetingCommand(DirectoryService directory, MeetingService meetings, NextMeetingReply reply) : IBotCommand
{
    public IReadOnlyDictionary<UserLanguage, BotCommandText> Texts { get; } = MeetingTexts.All.ToDictionary(
        l => l, l => new BotCommandText(MeetingTexts.For(l).NextKeyword, MeetingTexts.For(l).NextDescription));

    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        reply.AnswerAsync(turn, directory, meetings, null, cancellationToken);
}
