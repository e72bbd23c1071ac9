namespace TeamsPrevention.App.Alerts;

/// <summary>An answer as cards show it: the answering organisation (never the person), the answer and when.</summary>
public sealed record AlertCardAnswer(string Organisation, AlertAnswer Answer, DateTimeOffset At);
