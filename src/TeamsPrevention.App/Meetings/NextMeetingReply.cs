using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.Tab;

namespace TeamsPrevention.App.Meetings;

/// <summary>The bot's answer with the caller's next meeting (of a kind, or any): a content-free card, or a sentence when there is none.</summary>
public sealed class NextMeetingReply(TabLinks links)
{
    public async Task AnswerAsync(TurnContext turn, DirectoryService directory, MeetingService meetings, MeetingKind? kind, CancellationToken cancellationToken)
    {
        var texts = MeetingTexts.For(turn.Language);
        var person = Guid.TryParse(turn.PersonAadObjectId, out var oid) ? await directory.FindByEntraObjectIdAsync(oid, cancellationToken) : null;
        var next = person is { Active: true } ? await meetings.NextOccurrenceAsync(person, kind, cancellationToken) : null;
        if (next is null)
        {
            await turn.ReplyAsync(texts.NoNextMeeting, cancellationToken);
            return;
        }

        var card = MeetingCards.Next(turn.Language, next.Kind, next.Start, next.End, next.JoinUrl, links.Meeting(next.MeetingId).InTeams);
        await turn.ReplyCardAsync(card, texts.NextTitle, cancellationToken);
    }
}
