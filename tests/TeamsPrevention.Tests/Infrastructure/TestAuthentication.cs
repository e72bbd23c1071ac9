using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.Tests.Infrastructure;

/// <summary>
/// A test authentication scheme: the request's <c>X-Test-Oid</c> header becomes an authenticated principal with that
/// <c>oid</c> claim (and the scope and client a Teams token carries); no header, no principal (401). A seam with no real counterpart yet: the App's real authentication
/// (JwtBearer / Microsoft.Identity.Web, in Tab/) is built elsewhere; the directory only reads the oid claim it yields.
/// </summary>
public sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-Oid";

    /// <summary>Makes the test scheme the default for everything, whatever the App registered.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddAuthentication(SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthentication>(SchemeName, _ => { });
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = SchemeName;
            o.DefaultAuthenticateScheme = SchemeName;
            o.DefaultChallengeScheme = SchemeName;
            o.DefaultForbidScheme = SchemeName;
        });
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var oid) || string.IsNullOrEmpty(oid))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        // What a Teams single sign-on token also carries, and every policy of the API requires: the scope, a known client.
        var identity = new ClaimsIdentity(
            [new Claim("oid", oid.ToString()), new Claim("scp", "access_as_user"), new Claim("azp", "5e3ce6c0-2b1f-4285-8d4b-75ee78787346")],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
