namespace TeamsPrevention.Sandbox.Realism;

/// <summary>The rule matching a request, and whether its fault fires for this one.</summary>
public sealed record FaultDecision(FaultRule Rule, bool Fires);
