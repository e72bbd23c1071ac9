namespace TeamsPrevention.App.Alerts;

/// <summary>
/// What an escalation card says beyond the alert itself: that it is an escalation (to the deputy, level 1, or to the
/// Chair, level 2), the recipients first addressed — by organisation, as cards name who answered, never by person — and
/// since when the alert has waited (it was sent).
/// </summary>
public sealed record AlertEscalationNote(int Level, IReadOnlyList<string> FirstAddressedTo, DateTimeOffset WaitingSince);
