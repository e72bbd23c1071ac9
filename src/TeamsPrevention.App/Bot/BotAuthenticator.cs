using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// Checks who sent an inbound activity. Accepted: only the tokens the Bot Framework channel puts on its calls to the bot
/// (Microsoft, "Authentication with the Bot Connector API", Connector to Bot, steps 1–7): issuer
/// <see cref="TenantOptions.BotIssuer"/>, keys from <see cref="TenantOptions.BotOpenIdMetadataUrl"/>, audience = the
/// bot's app id, RS256 only, signed, with a lifetime, 5 minutes of clock skew, and a <c>serviceurl</c> claim equal to the
/// activity's <c>serviceUrl</c>. That holds for single-tenant bots too: the channel's token is the Bot Framework's.
/// A token issued by the tenant's Entra ID (a person's tab sign-in, or an application's token — the Emulator's and
/// skills' paths) is not a channel call and is refused, whatever its audience; so is a token that carries a delegated
/// scope (<c>scp</c>) or says it is not an application token (<c>idtyp</c>). Then the activity must be of the configured
/// tenant. A request without <c>Authorization</c> is accepted only in anonymous mode, and only for a loopback
/// <c>serviceUrl</c> (the bot's token is never sent elsewhere unasked).
/// A token that passed every check is remembered (the exact token string, at most <see cref="ValidatedLifetime"/> and
/// never past its own expiry): Teams sends the same token with every activity until it renews it, and checking its
/// signature again on every card press was a large part of an answer's cost. The activity is still checked against the
/// token on every request; fresh signing keys forget every remembered token.
/// </summary>
public sealed class BotAuthenticator
{
    private const string ServiceUrlClaim = "serviceurl";
    private const string ScopeClaim = "scp";
    private const string TokenTypeClaim = "idtyp";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The longest a validated token is accepted without checking it again.</summary>
    internal static readonly TimeSpan ValidatedLifetime = TimeSpan.FromMinutes(5);
    private const int MaxValidated = 1_000;
    private readonly TenantOptions _tenant;
    private readonly BotOptions _bot;
    private readonly ILogger<BotAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly OpenIdKeySource _botFrameworkKeys;
    private readonly HashSet<string> _tenantIssuers;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Validated> _validated = new(StringComparer.Ordinal);
    private long _signatureChecks;

    public BotAuthenticator(
        IOptions<TenantOptions> tenant,
        IOptions<BotOptions> bot,
        IHttpClientFactory httpClients,
        IHostEnvironment environment,
        TimeProvider time,
        ILogger<BotAuthenticator> logger)
    {
        _tenant = tenant.Value;
        _bot = bot.Value;
        _logger = logger;
        _time = time;
        var tenantId = _tenant.TenantId;
        // Only to name the refusal: a token of the tenant's own Entra ID is never a channel token.
        _tenantIssuers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            $"https://login.microsoftonline.com/{tenantId}/v2.0",
            $"https://sts.windows.net/{tenantId}/",
            _tenant.Authority.ToString(),
        };
        _botFrameworkKeys = KeySource(_tenant.BotOpenIdMetadataUrl!);

        OpenIdKeySource KeySource(Uri metadata) => new(
            metadata,
            new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName))
            {
                // Plain http only for a loopback issuer (the sandbox, a test) and never in Production.
                RequireHttps = environment.IsProduction() || !metadata.IsLoopback,
            },
            time);
    }

    /// <summary>The named HttpClient that fetches OpenID metadata and keys.</summary>
    public const string HttpClientName = "bot-openid";

    /// <summary>Checks the <c>Authorization</c> header (null when absent).</summary>
    public async Task<BotCaller> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (authorization is null)
        {
            return _bot.AllowAnonymous ? new BotCaller(null, true, null) : BotCaller.Refused(AuthFailure.MissingToken);
        }

        const string Scheme = "Bearer ";
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return BotCaller.Refused(AuthFailure.MalformedToken);
        }

        var token = authorization[Scheme.Length..].Trim();
        if (_validated.TryGetValue(token, out var known) && _time.GetUtcNow() < known.Until)
        {
            return known.Caller;
        }

        string issuer;
        try
        {
            issuer = _handler.ReadJsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return BotCaller.Refused(AuthFailure.MalformedToken);
        }
        catch (SecurityTokenException)
        {
            return BotCaller.Refused(AuthFailure.MalformedToken);
        }

        if (!string.Equals(issuer, _tenant.BotIssuer, StringComparison.Ordinal))
        {
            return BotCaller.Refused(_tenantIssuers.Contains(issuer) ? AuthFailure.NotAChannelToken : AuthFailure.UnknownIssuer);
        }

        var keys = _botFrameworkKeys;
        try
        {
            var result = await ValidateAsync(token, issuer, keys, cancellationToken);
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException && await keys.RefreshAsync(cancellationToken))
            {
                BotLog.SigningKeysRefreshed(_logger, "Bot Framework");
                _validated.Clear();
                result = await ValidateAsync(token, issuer, keys, cancellationToken);
            }

            if (!result.IsValid)
            {
                return BotCaller.Refused(Classify(result.Exception));
            }

            var identity = result.ClaimsIdentity;
            // The channel's token names no person: a delegated scope, or a token type other than an application's, is a
            // user's token whatever its issuer says.
            if (Claim(identity, ScopeClaim) is not null
                || Claim(identity, TokenTypeClaim) is { } tokenType && !string.Equals(tokenType, "app", StringComparison.OrdinalIgnoreCase))
            {
                return BotCaller.Refused(AuthFailure.NotAChannelToken);
            }

            var serviceUrl = Claim(identity, ServiceUrlClaim);
            if (string.IsNullOrEmpty(serviceUrl))
            {
                return BotCaller.Refused(AuthFailure.MissingServiceUrlClaim);
            }

            var caller = new BotCaller(null, false, serviceUrl);
            Remember(token, caller, result.SecurityToken.ValidTo);
            return caller;
        }
        catch (InvalidOperationException)
        {
            // IDX20803: the metadata or the keys could not be fetched.
            return BotCaller.Refused(AuthFailure.MetadataUnavailable);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return BotCaller.Refused(AuthFailure.MetadataUnavailable);
        }
    }

    /// <summary>Checks that the activity is one the caller may send: its <c>serviceUrl</c> and tenant.</summary>
    public AuthFailure? Authorize(BotCaller caller, Activity activity)
    {
        if (caller.IsAnonymous)
        {
            if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || !serviceUrl.IsLoopback)
            {
                return AuthFailure.UntrustedAnonymousServiceUrl;
            }
        }
        else if (caller.ServiceUrl is null || !SameUrl(caller.ServiceUrl, activity.ServiceUrl))
        {
            return AuthFailure.ServiceUrlMismatch;
        }

        return string.Equals(activity.TenantId, _tenant.TenantId, StringComparison.OrdinalIgnoreCase)
            ? null
            : AuthFailure.WrongActivityTenant;
    }

    /// <summary>Full signature checks done so far (tokens not found among the remembered ones).</summary>
    internal long SignatureChecks => Interlocked.Read(ref _signatureChecks);

    private void Remember(string token, BotCaller caller, DateTime validTo)
    {
        var until = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc));
        var latest = _time.GetUtcNow() + ValidatedLifetime;
        if (_validated.Count >= MaxValidated)
        {
            _validated.Clear();
        }

        _validated[token] = new Validated(caller, until < latest ? until : latest);
    }

    private async Task<TokenValidationResult> ValidateAsync(string token, string issuer, OpenIdKeySource keys, CancellationToken cancellationToken)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = _tenant.ClientId,
            IssuerSigningKeys = await keys.GetSigningKeysAsync(cancellationToken),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
            ClockSkew = ClockSkew,
        };
        Interlocked.Increment(ref _signatureChecks);
        return await _handler.ValidateTokenAsync(token, parameters);
    }

    private static AuthFailure Classify(Exception? exception) => exception switch
    {
        SecurityTokenSignatureKeyNotFoundException => AuthFailure.UnknownSigningKey,
        SecurityTokenInvalidAlgorithmException => AuthFailure.WrongAlgorithm,
        SecurityTokenInvalidSignatureException => AuthFailure.InvalidSignature,
        SecurityTokenInvalidAudienceException => AuthFailure.WrongAudience,
        SecurityTokenInvalidIssuerException => AuthFailure.UnknownIssuer,
        SecurityTokenExpiredException => AuthFailure.Expired,
        SecurityTokenNotYetValidException => AuthFailure.NotYetValid,
        SecurityTokenNoExpirationException => AuthFailure.NoExpiry,
        SecurityTokenMalformedException => AuthFailure.MalformedToken,
        InvalidOperationException => AuthFailure.MetadataUnavailable,
        _ => AuthFailure.InvalidToken,
    };

    private static string? Claim(ClaimsIdentity identity, string type) =>
        identity.Claims.FirstOrDefault(c => string.Equals(c.Type, type, StringComparison.OrdinalIgnoreCase))?.Value;

    private static bool SameUrl(string a, string? b) =>
        b is not null && string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private sealed record Validated(BotCaller Caller, DateTimeOffset Until);
}
