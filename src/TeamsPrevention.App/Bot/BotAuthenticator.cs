using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// Checks who sent an inbound activity. Accepted: Bot Framework channel tokens (issuer <see cref="TenantOptions.BotIssuer"/>,
/// keys from <see cref="TenantOptions.BotOpenIdMetadataUrl"/>) and Entra tokens of the configured tenant (v1 and v2
/// issuers, keys from the tenant's v2 metadata). Both: audience = the bot's app id, RS256 only, signed, with a
/// lifetime, 5 minutes of clock skew. Then the activity must match the token: same <c>serviceUrl</c> (required in
/// Bot Framework tokens) and the configured tenant. A request without <c>Authorization</c> is accepted only in
/// anonymous mode, and only for a loopback <c>serviceUrl</c> (the bot's token is never sent elsewhere unasked).
/// A token that passed every check is remembered (the exact token string, at most <see cref="ValidatedLifetime"/> and
/// never past its own expiry): Teams sends the same token with every activity until it renews it, and checking its
/// signature again on every card press was a large part of an answer's cost. The activity is still checked against the
/// token on every request; fresh signing keys forget every remembered token.
/// </summary>
public sealed class BotAuthenticator
{
    private const string ServiceUrlClaim = "serviceurl";
    private const string TenantIdClaim = "tid";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The longest a validated token is accepted without checking it again.</summary>
    internal static readonly TimeSpan ValidatedLifetime = TimeSpan.FromMinutes(5);
    private const int MaxValidated = 1_000;
    private readonly TenantOptions _tenant;
    private readonly BotOptions _bot;
    private readonly ILogger<BotAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly OpenIdKeySource _botFrameworkKeys;
    private readonly OpenIdKeySource _entraKeys;
    private readonly HashSet<string> _entraIssuers;
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
        _entraIssuers = new HashSet<string>(StringComparer.Ordinal)
        {
            $"https://login.microsoftonline.com/{tenantId}/v2.0",
            $"https://sts.windows.net/{tenantId}/",
            _tenant.Authority.ToString(),
        };
        _botFrameworkKeys = KeySource(_tenant.BotOpenIdMetadataUrl!);
        _entraKeys = KeySource(new Uri(_tenant.Instance!, $"{tenantId}/v2.0/.well-known/openid-configuration"));

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
            return _bot.AllowAnonymous ? new BotCaller(null, true, false, null) : BotCaller.Refused(AuthFailure.MissingToken);
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

        var isBotFramework = string.Equals(issuer, _tenant.BotIssuer, StringComparison.Ordinal);
        if (!isBotFramework && !_entraIssuers.Contains(issuer))
        {
            return BotCaller.Refused(AuthFailure.UnknownIssuer);
        }

        var keys = isBotFramework ? _botFrameworkKeys : _entraKeys;
        try
        {
            var result = await ValidateAsync(token, issuer, keys, cancellationToken);
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException && await keys.RefreshAsync(cancellationToken))
            {
                BotLog.SigningKeysRefreshed(_logger, isBotFramework ? "Bot Framework" : "Entra");
                _validated.Clear();
                result = await ValidateAsync(token, issuer, keys, cancellationToken);
            }

            if (!result.IsValid)
            {
                return BotCaller.Refused(Classify(result.Exception));
            }

            var identity = result.ClaimsIdentity;
            if (!isBotFramework && !string.Equals(Claim(identity, TenantIdClaim), _tenant.TenantId, StringComparison.OrdinalIgnoreCase))
            {
                return BotCaller.Refused(AuthFailure.WrongTokenTenant);
            }

            var serviceUrl = Claim(identity, ServiceUrlClaim);
            if (isBotFramework && string.IsNullOrEmpty(serviceUrl))
            {
                return BotCaller.Refused(AuthFailure.MissingServiceUrlClaim);
            }

            var caller = new BotCaller(null, false, isBotFramework, serviceUrl);
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
        else if (caller.ServiceUrl is not null && !SameUrl(caller.ServiceUrl, activity.ServiceUrl))
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
