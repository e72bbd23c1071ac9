namespace TeamsPrevention.App.Alerts;

/// <summary>
/// One alert addressed to a person (to them, their organisation, or escalated to them), with the answer given for it.
/// <see cref="AnsweredBy"/> names the answerer only when it is the person or a colleague of their organisation; for an
/// escalated alert answered elsewhere only the answerer's organisation is shown.
/// </summary>
public sealed record ReceivedAlert(
    Guid Id,
    string Reference,
    AlertSeverity Severity,
    AlertCategory Category,
    string? SituationCode,
    string SenderOrganisation,
    DateTimeOffset CreatedAt,
    DateTimeOffset Deadline,
    DateTimeOffset? WithdrawnAt,
    ReceivedAlertState State,
    ReceivedAlertRole Role,
    AlertAnswer? Answer,
    DateTimeOffset? AnsweredAt,
    string? AnsweredBy,
    string? AnsweredByOrganisation,
    bool AnsweredByMe);
