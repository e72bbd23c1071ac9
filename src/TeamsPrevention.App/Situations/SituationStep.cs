namespace TeamsPrevention.App.Situations;

/// <summary>The steps of a situation's life and its side operations, for the rules of who may do what.</summary>
public enum SituationStep
{
    Report,
    StartScreening,
    Include,
    Decline,
    PlanAction,
    UpdateAction,
    Review,
    Close,
    EditNeedToKnow,
    EditIdentity,
    RevealIdentity,
    RequestChannel,
    BreakGlass,
}
