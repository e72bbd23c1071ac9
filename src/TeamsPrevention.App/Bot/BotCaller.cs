namespace TeamsPrevention.App.Bot;

/// <summary>Who sent an inbound activity, once the token (or its absence, in anonymous mode) was checked.</summary>
/// <param name="Failure">Set when the request must be refused.</param>
/// <param name="IsAnonymous">No token was sent and <see cref="BotOptions.AllowAnonymous"/> accepted that.</param>
/// <param name="IsBotFramework">The token was issued by the Bot Framework (else by the tenant's Entra ID).</param>
/// <param name="ServiceUrl">The token's <c>serviceurl</c> claim, if any.</param>
public sealed record BotCaller(AuthFailure? Failure, bool IsAnonymous, bool IsBotFramework, string? ServiceUrl)
{
    public static BotCaller Refused(AuthFailure failure) => new(failure, false, false, null);
}
