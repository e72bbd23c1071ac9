using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using TeamsPrevention.Sandbox.Realism;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox.Identity;

/// <summary>
/// Entra-like identity per tenant (discovery, JWKS, token endpoint, persona sign-in) and the Bot Framework channel's
/// OpenID metadata, all under <c>{S}</c>; plus <c>POST {S}keys/rotate</c>.
/// </summary>
public static class IdentityEndpoints
{
    private static readonly string[] GraphResources = [SandboxAudiences.Graph, SandboxAudiences.GraphAppId];

    public static IEndpointRouteBuilder MapSandboxIdentity(this IEndpointRouteBuilder sandbox)
    {
        sandbox.MapGet("/login/{tenant}/v2.0/.well-known/openid-configuration", Discovery);
        sandbox.MapGet("/login/{tenant}/discovery/v2.0/keys", TenantKeys);
        sandbox.MapPost("/login/{tenant}/oauth2/v2.0/token", TokenAsync);
        sandbox.MapPost("/login/{tenant}/personas/{objectId}/token", PersonaTokenAsync);
        sandbox.MapGet("/botframework/v1/.well-known/openidconfiguration", BotFrameworkDiscovery);
        sandbox.MapGet("/botframework/v1/.well-known/keys", BotFrameworkKeys);
        sandbox.MapPost("/keys/rotate", Rotate);
        return sandbox;
    }

    private static IResult Discovery(string tenant, HttpRequest request, SandboxState state)
    {
        var known = state.FindTenant(tenant);
        if (known is null)
        {
            return UnknownTenant(request, tenant);
        }

        var baseUrl = SandboxUrls.BaseFor(request);
        var root = $"{baseUrl}login/{known.TenantId}";
        return TypedResults.Json(new JsonObject
        {
            ["token_endpoint"] = $"{root}/oauth2/v2.0/token",
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt", "client_secret_basic"),
            ["jwks_uri"] = $"{root}/discovery/v2.0/keys",
            ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
            ["subject_types_supported"] = new JsonArray("pairwise"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
            ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
            ["issuer"] = SandboxUrls.Issuer(baseUrl, known.TenantId),
            ["request_uri_parameter_supported"] = false,
            ["userinfo_endpoint"] = $"{baseUrl}graph/oidc/userinfo",
            ["authorization_endpoint"] = $"{root}/oauth2/v2.0/authorize",
            ["http_logout_supported"] = true,
            ["frontchannel_logout_supported"] = true,
            ["end_session_endpoint"] = $"{root}/oauth2/v2.0/logout",
            ["claims_supported"] = new JsonArray("sub", "iss", "aud", "exp", "iat", "nbf", "name", "oid", "tid", "preferred_username", "ver"),
            ["tenant_region_scope"] = "EU",
            ["cloud_instance_name"] = "sandbox",
        });
    }

    private static IResult TenantKeys(string tenant, HttpRequest request, SandboxState state, SandboxSigningKeys keys)
    {
        var known = state.FindTenant(tenant);
        if (known is null)
        {
            return UnknownTenant(request, tenant);
        }

        var issuer = SandboxUrls.Issuer(SandboxUrls.BaseFor(request), known.TenantId);
        return TypedResults.Json(keys.Jwks(known.TenantId, () => new JsonObject { ["issuer"] = issuer }));
    }

    private static IResult BotFrameworkDiscovery(HttpRequest request)
    {
        var baseUrl = SandboxUrls.BaseFor(request);
        return TypedResults.Json(new JsonObject
        {
            ["issuer"] = SandboxAudiences.BotFrameworkIssuer,
            ["authorization_endpoint"] = $"{baseUrl}botframework/v1/authorize",
            ["jwks_uri"] = $"{baseUrl}botframework/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        });
    }

    private static IResult BotFrameworkKeys(SandboxSigningKeys keys) =>
        TypedResults.Json(keys.Jwks(SandboxSigningKeys.BotFramework, () => new JsonObject { ["endorsements"] = new JsonArray("msteams") }));

    private static IResult Rotate(string? scope, bool? keepPrevious, SandboxSigningKeys keys, ILogger<SandboxSigningKeys> logger)
    {
        if (scope is not null && !keys.Scopes.Contains(scope, StringComparer.OrdinalIgnoreCase))
        {
            return TypedResults.Problem($"Unknown key scope '{scope}': use a tenant id or '{SandboxSigningKeys.BotFramework}'.", statusCode: 400);
        }

        keys.Rotate(scope, keepPrevious ?? true);
        SandboxLog.KeysRotated(logger, scope ?? "all");
        return TypedResults.Ok(new { rotated = scope is null ? keys.Scopes : [scope], keepPrevious = keepPrevious ?? true });
    }

    private static async Task<IResult> TokenAsync(
        string tenant, HttpRequest request, SandboxState state, EntraTokenIssuer issuer, SandboxTokenValidator validator)
    {
        var known = state.FindTenant(tenant);
        if (known is null)
        {
            return UnknownTenant(request, tenant);
        }

        if (!request.HasFormContentType)
        {
            return EntraError(request, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var clientId = First(form["client_id"]);
        request.HttpContext.SetTrafficIdentity(known.TenantId, clientId);
        return First(form["grant_type"]) switch
        {
            null => EntraError(request, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'."),
            "client_credentials" => ClientCredentials(request, known, form, clientId, issuer),
            "password" => Password(request, known, form, clientId, issuer),
            JwtBearerGrant => await OnBehalfOfAsync(request, known, form, clientId, issuer, validator),
            var other => EntraError(request, 400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{other}'."),
        };
    }

    private static IResult ClientCredentials(HttpRequest request, SandboxTenant tenant, IFormCollection form, string? clientId, EntraTokenIssuer issuer)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            return EntraError(request, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.");
        }

        var scope = First(form["scope"]);
        if (string.IsNullOrEmpty(scope))
        {
            return EntraError(request, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'.");
        }

        var app = tenant.FindApp(clientId);
        if (app is null)
        {
            return EntraError(request, 400, "unauthorized_client", 700016,
                $"Application with identifier '{clientId}' was not found in the directory '{tenant.DisplayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.");
        }

        var secret = First(form["client_secret"]);
        if (string.IsNullOrEmpty(secret) && string.IsNullOrEmpty(First(form["client_assertion"])))
        {
            return EntraError(request, 401, "invalid_client", 7000216, "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
        }

        if (!string.Equals(secret, app.ClientSecret, StringComparison.Ordinal))
        {
            return EntraError(request, 401, "invalid_client", 7000215,
                $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{app.ClientId}'.");
        }

        var scopes = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length != 1 || !scopes[0].EndsWith("/.default", StringComparison.Ordinal))
        {
            return EntraError(request, 400, "invalid_scope", 1002012,
                $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
        }

        var resource = scopes[0][..^"/.default".Length];
        string audience;
        IReadOnlyList<string> roles;
        if (GraphResources.Contains(resource, StringComparer.OrdinalIgnoreCase))
        {
            (audience, roles) = (SandboxAudiences.Graph, app.GraphRoles);
        }
        else if (string.Equals(resource, SandboxAudiences.BotFramework, StringComparison.OrdinalIgnoreCase))
        {
            (audience, roles) = (SandboxAudiences.BotFramework, []);
        }
        else
        {
            return EntraError(request, 400, "invalid_resource", 500011,
                $"The resource principal named {resource} was not found in the tenant named {tenant.DisplayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.");
        }

        return TokenResponse(issuer.CreateAppToken(SandboxUrls.BaseFor(request), tenant, app, audience, roles), issuer.Lifetime);
    }

    private const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /// <summary>The delegated Graph permissions the sandbox's app registrations hold (what <c>.default</c> grants).</summary>
    internal static readonly string[] DelegatedGraphScopes = ["Calendars.Read", "User.Read"];

    /// <summary>
    /// On-behalf-of (<c>jwt-bearer</c>, <c>requested_token_use=on_behalf_of</c>): an app that received a person's token
    /// for its own API (the tab's SSO token) exchanges it, with its secret, for a Graph token of that person. The
    /// assertion must be the tenant's, for this app, unexpired; the person's consented delegated scopes are given.
    /// </summary>
    private static async Task<IResult> OnBehalfOfAsync(
        HttpRequest request, SandboxTenant tenant, IFormCollection form, string? clientId, EntraTokenIssuer issuer, SandboxTokenValidator validator)
    {
        var app = string.IsNullOrEmpty(clientId) ? null : tenant.FindApp(clientId);
        if (app is null)
        {
            return EntraError(request, 400, "unauthorized_client", 700016, $"Application with identifier '{clientId}' was not found in the directory '{tenant.DisplayName}'.");
        }

        if (!string.Equals(First(form["client_secret"]), app.ClientSecret, StringComparison.Ordinal))
        {
            return EntraError(request, 401, "invalid_client", 7000215, $"Invalid client secret provided for app '{app.ClientId}'.");
        }

        if (First(form["requested_token_use"]) != "on_behalf_of")
        {
            return EntraError(request, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'requested_token_use'.");
        }

        var (caller, error) = await validator.ValidateAsync(First(form["assertion"]), [app.ClientId, $"api://{app.ClientId}"]);
        if (caller is null || caller.IsApp || !string.Equals(caller.TenantId, tenant.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return EntraError(request, 400, "invalid_grant", 50013, $"Assertion failed signature validation or is not for this application. {error}".TrimEnd());
        }

        var persona = tenant.FindPersona(caller.ObjectId);
        if (persona is null)
        {
            return EntraError(request, 400, "invalid_grant", 50034, $"The user account {caller.ObjectId} does not exist in the {tenant.TenantId} directory.");
        }

        var scopes = (First(form["scope"]) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s is not ("openid" or "profile" or "email" or "offline_access")).ToList();
        if (scopes.Count == 0 || scopes.Any(s => !s.StartsWith(SandboxAudiences.Graph + "/", StringComparison.OrdinalIgnoreCase)))
        {
            return EntraError(request, 400, "invalid_scope", 70011, $"The provided value for the input parameter 'scope' is not valid. The scope {First(form["scope"])} is not valid.");
        }

        var names = scopes.Select(s => s[(SandboxAudiences.Graph.Length + 1)..]).ToList();
        var granted = names.Contains(".default") ? DelegatedGraphScopes : [.. names];
        var missing = granted.FirstOrDefault(n => !DelegatedGraphScopes.Contains(n, StringComparer.OrdinalIgnoreCase));
        if (missing is not null)
        {
            return EntraError(request, 400, "invalid_grant", 65001,
                $"The user or administrator has not consented to use the application with ID '{app.ClientId}'. Send an interactive authorization request for this user and resource ({missing}).");
        }

        var scp = string.Join(' ', granted);
        return TokenResponse(issuer.CreatePersonaToken(SandboxUrls.BaseFor(request), tenant, persona, SandboxAudiences.Graph, scp, app.ClientId), issuer.Lifetime, scp);
    }

    /// <summary>Resource owner password grant, sandbox style: the persona's UPN is enough (the password is not checked).</summary>
    private static IResult Password(HttpRequest request, SandboxTenant tenant, IFormCollection form, string? clientId, EntraTokenIssuer issuer)
    {
        var username = First(form["username"]);
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(username))
        {
            return EntraError(request, 400, "invalid_request", 900144,
                $"The request body must contain the following parameter: '{(string.IsNullOrEmpty(clientId) ? "client_id" : "username")}'.");
        }

        var persona = tenant.FindPersonaByUpn(username);
        if (persona is null)
        {
            return EntraError(request, 400, "invalid_grant", 50034, $"The user account {username} does not exist in the {tenant.TenantId} directory. To sign into this application, the account must be added to the directory.");
        }

        return PersonaToken(request, tenant, persona, First(form["scope"]), audienceOverride: null, clientId, issuer);
    }

    /// <summary>
    /// Sandbox-only sign-in: a delegated token for a persona. Form or query fields: <c>scope</c> (default
    /// <c>api://{botAppId}/access_as_user</c>; <c>api://host/{clientId}/access_as_user</c> works too),
    /// <c>audience</c> (forces <c>aud</c>, for negative tests), <c>client_id</c> (the <c>azp</c>).
    /// </summary>
    private static async Task<IResult> PersonaTokenAsync(string tenant, string objectId, HttpRequest request, SandboxState state, EntraTokenIssuer issuer)
    {
        var known = state.FindTenant(tenant);
        if (known is null)
        {
            return UnknownTenant(request, tenant);
        }

        var persona = known.FindPersona(objectId);
        if (persona is null)
        {
            return EntraError(request, 400, "invalid_grant", 50034, $"The user account {objectId} does not exist in the {known.TenantId} directory.");
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : null;
        string? Field(string name) => First(form?[name] ?? default) ?? First(request.Query[name]);
        request.HttpContext.SetTrafficIdentity(known.TenantId, Field("client_id") ?? SandboxAudiences.TeamsWebClientId);
        return PersonaToken(request, known, persona, Field("scope"), Field("audience"), Field("client_id") ?? SandboxAudiences.TeamsWebClientId, issuer);
    }

    private static IResult PersonaToken(
        HttpRequest request, SandboxTenant tenant, DemoPersona persona, string? scope, string? audienceOverride, string clientId, EntraTokenIssuer issuer)
    {
        scope = string.IsNullOrWhiteSpace(scope) ? $"api://{DemoTenant.BotAppId}/{SandboxAudiences.TabScope}" : scope.Trim();
        var requested = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s is not ("openid" or "profile" or "email" or "offline_access"))
            .ToList();
        if (requested.Count == 0)
        {
            return EntraError(request, 400, "invalid_scope", 70011, $"The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid.");
        }

        // v2 tokens carry the resource's client id as aud, whatever App ID URI the scope named.
        var resources = requested.Select(s => s[..Math.Max(0, s.LastIndexOf('/'))]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (resources.Count != 1 || resources[0].Length == 0)
        {
            return EntraError(request, 400, "invalid_scope", 70011, $"The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid.");
        }

        var resource = resources[0];
        var resourceClientId = resource.TrimEnd('/').Split('/')[^1];
        var names = requested.Select(s => s[(s.LastIndexOf('/') + 1)..]).Where(n => n != ".default").ToList();
        var scp = names.Count == 0 ? SandboxAudiences.TabScope : string.Join(' ', names);
        var token = issuer.CreatePersonaToken(SandboxUrls.BaseFor(request), tenant, persona, audienceOverride ?? resourceClientId, scp, clientId);
        return TokenResponse(token, issuer.Lifetime, scp);
    }

    private static IResult TokenResponse(string token, TimeSpan lifetime, string? scope = null)
    {
        var seconds = (int)lifetime.TotalSeconds - 1;
        var body = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = seconds,
            ["ext_expires_in"] = seconds,
            ["access_token"] = token,
        };
        if (scope is not null)
        {
            body["scope"] = scope;
        }

        return TypedResults.Json(body);
    }

    private static IResult UnknownTenant(HttpRequest request, string tenant) =>
        EntraError(request, 400, "invalid_tenant", 90002,
            $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");

    /// <summary>An error the way Entra's token endpoint writes it.</summary>
    internal static IResult EntraError(HttpRequest request, int status, string error, int code, string description)
    {
        var traceId = Guid.NewGuid().ToString();
        var correlationId = Guid.NewGuid().ToString();
        var timestamp = request.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return TypedResults.Json(new JsonObject
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{code}: {description} Trace ID: {traceId} Correlation ID: {correlationId} Timestamp: {timestamp}",
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = timestamp,
            ["trace_id"] = traceId,
            ["correlation_id"] = correlationId,
            ["error_uri"] = $"https://login.microsoftonline.com/error?code={code}",
        }, statusCode: status);
    }

    private static string? First(StringValues values) => values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
