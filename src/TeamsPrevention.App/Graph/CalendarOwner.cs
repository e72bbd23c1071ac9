namespace TeamsPrevention.App.Graph;

/// <summary>Whose calendar an event lives in: a user's (the organizer) or a group's (the team's).</summary>
public sealed record CalendarOwner(string Id, bool IsGroup)
{
    public static CalendarOwner User(string userId) => new(userId, false);

    public static CalendarOwner Group(string groupId) => new(groupId, true);
}
