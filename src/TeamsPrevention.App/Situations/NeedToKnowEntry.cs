namespace TeamsPrevention.App.Situations;

/// <summary>One person on a situation's need-to-know list (partners and break-glass with an expiry).</summary>
public sealed class NeedToKnowEntry
{
    public Guid SituationId { get; init; }

    /// <summary>Directory id.</summary>
    public Guid PersonId { get; init; }

    public Guid GrantedBy { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    /// <summary>Null: until removed.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Granted by break-glass (out-of-scope access with a written reason).</summary>
    public bool BreakGlass { get; set; }

    public bool IsValidAt(DateTimeOffset at) => ExpiresAt is null || ExpiresAt > at;
}
