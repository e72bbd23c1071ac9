namespace TeamsPrevention.App.Directory;

/// <summary>
/// <see cref="DeputyId"/> stands in for <see cref="PersonId"/> (alerts escalate to them), always or during a period
/// (<see cref="ValidFrom"/> inclusive, <see cref="ValidUntil"/> exclusive, either open).
/// </summary>
public sealed class Deputyship
{
    public Guid Id { get; init; }

    public Guid PersonId { get; init; }

    public Guid DeputyId { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    public bool IsValidAt(DateTimeOffset at) => (ValidFrom is null || ValidFrom <= at) && (ValidUntil is null || at < ValidUntil);
}
