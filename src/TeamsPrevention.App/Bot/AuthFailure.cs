namespace TeamsPrevention.App.Bot;

/// <summary>Why an inbound bot request was refused: logged as a category, never told to the caller.</summary>
public enum AuthFailure
{
    MissingToken,
    MalformedToken,
    UnknownIssuer,
    UnknownSigningKey,
    InvalidSignature,
    WrongAlgorithm,
    WrongAudience,
    Expired,
    NotYetValid,
    NoExpiry,
    InvalidToken,
    /// <summary>A token that is not the channel's: issued by the tenant's Entra ID, or a person's (delegated scope).</summary>
    NotAChannelToken,
    MissingServiceUrlClaim,
    ServiceUrlMismatch,
    WrongActivityTenant,
    UntrustedAnonymousServiceUrl,
    /// <summary>An activity without a token from another machine: anonymous mode serves this machine only.</summary>
    AnonymousFromRemoteAddress,
    MetadataUnavailable,
}
