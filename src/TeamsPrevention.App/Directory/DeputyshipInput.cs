namespace TeamsPrevention.App.Directory;

/// <summary>A deputyship to create.</summary>
public sealed record DeputyshipInput(Guid? PersonId, Guid? DeputyId, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil);
