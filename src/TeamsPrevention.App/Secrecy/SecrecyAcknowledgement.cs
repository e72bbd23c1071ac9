namespace TeamsPrevention.App.Secrecy;

/// <summary>
/// A person's acknowledgement of the shared professional secrecy duty (Criminal Code art. 458ter), for a scope and a
/// version of the commitment's text. Recorded once: acknowledging again changes nothing.
/// </summary>
public sealed class SecrecyAcknowledgement
{
    /// <summary>The commitment asked of everyone on first access; meetings add their own scopes (<c>meeting:…</c>).</summary>
    public const string GeneralScope = "general";

    public const int MaxScopeLength = 64;

    /// <summary>The person's Entra object id (lower-case, with hyphens).</summary>
    public required string PersonObjectId { get; init; }

    public required string Scope { get; init; }

    /// <summary>The version of the text the person accepted (<see cref="Cards.SecrecyCards.TextVersion"/>).</summary>
    public int TextVersion { get; init; }

    /// <summary>UTC.</summary>
    public DateTimeOffset AcknowledgedAt { get; init; }
}
