namespace TeamsPrevention.App.Alerts;

/// <summary>
/// Everything an alert card may show: codes, categories, organisations and times, never a person. <see cref="Answers"/>
/// are the most recent answers (at most <see cref="MaxAnswerLines"/>, oldest first); <see cref="AnswerCounts"/> counts
/// every answer by kind, so a card for hundreds of recipients stays small (Teams refuses cards over 28 KB).
/// </summary>
public sealed record AlertCardView(
    Guid AlertId,
    string Reference,
    string? SituationCode,
    AlertSeverity Severity,
    AlertCategory Category,
    string SenderOrganisation,
    DateTimeOffset Deadline,
    bool Withdrawn,
    int Version,
    IReadOnlyList<AlertCardAnswer> Answers)
{
    /// <summary>The most answer lines a card lists (40 organisations fit well under 28 KB in every language).</summary>
    public const int MaxAnswerLines = 40;

    /// <summary>Every answer so far, by kind; when left empty, <see cref="Answers"/> are all the answers.</summary>
    public IReadOnlyDictionary<AlertAnswer, int> AnswerCounts { get; init; } = new Dictionary<AlertAnswer, int>();
}
