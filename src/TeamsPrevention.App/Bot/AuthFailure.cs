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
    WrongTokenTenant,
    MissingServiceUrlClaim,
    ServiceUrlMismatch,
    WrongActivityTenant,
    UntrustedAnonymousServiceUrl,
    MetadataUnavailable,
}
