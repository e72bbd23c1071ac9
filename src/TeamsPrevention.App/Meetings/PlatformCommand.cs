using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Meetings;

/// <summary><c>plateforme</c> / <c>platform</c>: the caller's next municipal platform as a card with the Teams join link.</summary>
public sealed class PlatformCommand(DirectoryService directory, MeetingService meetings, NextMeetingReply reply) : IBotCommand
{
    public IReadOnlyDictionary<UserLanguage, BotCommandText> Texts { get; } = MeetingTexts.All.ToDictionary(
        l => l, l => new BotCommandText(MeetingTexts.For(l).PlatformKeyword, MeetingTexts.For(l).PlatformDescription));

    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        reply.AnswerAsync(turn, directory, meetings, MeetingKind.Platform, cancellationToken);
}
