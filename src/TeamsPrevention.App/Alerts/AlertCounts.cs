namespace TeamsPrevention.App.Alerts;

/// <summary>Live counts: cards (queued, sent, failed, cancelled) and recipients (answered, escalated, waiting).</summary>
public sealed record AlertCounts(int Queued, int Sent, int Failed, int Cancelled, int Recipients, int Answered, int Escalated, int Waiting);
