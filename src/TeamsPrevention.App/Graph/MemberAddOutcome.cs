namespace TeamsPrevention.App.Graph;

/// <summary>What became of adding one person to a channel: the membership, or the failure.</summary>
public sealed record MemberAddOutcome(string UserId, Membership? Membership, GraphFailure? Failure)
{
    public bool Added => Membership is not null;
}
