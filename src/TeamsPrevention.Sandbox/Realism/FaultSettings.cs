namespace TeamsPrevention.Sandbox.Realism;

/// <summary>The fault rules in force (body of <c>PUT /sandbox/faults</c>). The first matching rule applies.</summary>
public sealed record FaultSettings
{
    /// <summary>Seed of the random draw, so a run with the same requests injects the same faults.</summary>
    public int Seed { get; init; } = 1;

    public IReadOnlyList<FaultRule> Rules { get; init; } = [];
}
