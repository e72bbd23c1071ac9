namespace TeamsPrevention.App.Audit;

/// <summary>
/// One anomaly flag: which rule, whose actions (an Entra object id, never a name), how many, over what period, and the
/// sequence numbers that bound them in the log (to open them with <c>GET /api/audit?actor=…&amp;before=LastSequence+1</c>).
/// </summary>
/// <param name="Count">Distinct situations (bulk viewing) or entries (other rules) behind the flag.</param>
/// <param name="Threshold">The configured threshold the count reached.</param>
public sealed record AuditAnomaly(
    AuditAnomalyRule Rule,
    string Actor,
    int Count,
    int Threshold,
    DateTimeOffset From,
    DateTimeOffset To,
    long FirstSequence,
    long LastSequence);
