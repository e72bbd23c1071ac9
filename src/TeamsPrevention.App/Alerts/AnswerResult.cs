namespace TeamsPrevention.App.Alerts;

/// <summary>What an answer did, and the card as it stands after it (null when there is no card to show the person).</summary>
public sealed record AnswerResult(AnswerOutcome Outcome, AlertCardView? View);
