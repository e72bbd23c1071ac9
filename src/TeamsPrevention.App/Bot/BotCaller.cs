namespace TeamsPrevention.App.Bot;

/// <summary>Who sent an inbound activity, once the token (or its absence, in anonymous mode) was checked.</summary>
/// <param name="Failure">Set when the request must be refused.</param>
/// <param name="IsAnonymous">No token was sent and <see cref="BotOptions.AllowAnonymous"/> accepted that.</param>
/// <param name="ServiceUrl">The channel token's <c>serviceurl</c> claim (null only when anonymous or refused).</param>
public sealed record BotCaller(AuthFailure? Failure, bool IsAnonymous, string? ServiceUrl)
{
    public static BotCaller Refused(AuthFailure failure) => new(failure, false, null);
}
