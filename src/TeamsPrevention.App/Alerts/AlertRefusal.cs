namespace TeamsPrevention.App.Alerts;

/// <summary>Why a draft alert is refused (the text the caller reads comes from <see cref="AlertRefusalTexts"/>).</summary>
public enum AlertRefusal
{
    MessageRequired,
    SituationCodeTooLong,
    UnknownPerson,
    NeedToKnowUnavailable,
    UnknownOrganisation,
    NoRecipient,
    UnknownSituation,
}
