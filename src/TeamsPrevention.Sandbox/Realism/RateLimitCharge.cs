namespace TeamsPrevention.Sandbox.Realism;

/// <summary>One counter a request is charged to: a key (e.g. <c>bot-send|tenant|thread</c>) and the windows it obeys.</summary>
public sealed record RateLimitCharge(string Key, IReadOnlyList<RateWindow> Windows);
