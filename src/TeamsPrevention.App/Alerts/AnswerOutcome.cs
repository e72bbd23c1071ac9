namespace TeamsPrevention.App.Alerts;

public enum AnswerOutcome
{
    Recorded,

    /// <summary>Everything this person answers for was already answered: nothing changed.</summary>
    AlreadyAnswered,

    Withdrawn,
    NotARecipient,
    NotFound,
}
