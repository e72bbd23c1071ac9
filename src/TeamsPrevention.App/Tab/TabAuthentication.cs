using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Tab;

/// <summary>
/// The tab's API accepts Entra access tokens of the city's tenant for this app (the tab's SSO token), validated by
/// Microsoft.Identity.Web from <see cref="TenantOptions"/> (Instance, TenantId, ClientId), and requires the delegated
/// scope <see cref="Scope"/>. Against a local sandbox authority (http on loopback, never in Production) metadata may
/// be fetched over http and the issuer is the sandbox tenant's exact v2 issuer.
/// </summary>
public static class TabAuthentication
{
    /// <summary>The policy every tab endpoint requires: a signed-in user who granted <see cref="Scope"/>.</summary>
    public const string UserPolicy = "TabUser";

    public const string Scope = "access_as_user";

    public static IHostApplicationBuilder AddTabAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApi(_ => { }, _ => { }, JwtBearerDefaults.AuthenticationScheme);

        // Bound from TenantOptions (after the sandbox defaults are filled), not from an AzureAd section.
        services.AddOptions<MicrosoftIdentityOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TenantOptions>>((identity, tenant) =>
            {
                identity.Instance = tenant.Value.Instance!.ToString();
                identity.TenantId = tenant.Value.TenantId;
                identity.ClientId = tenant.Value.ClientId;
            });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<TenantOptions>, IHostEnvironment, ILoggerFactory>((jwt, tenant, environment, loggers) =>
            {
                if (IsLocalSandboxAuthority(tenant.Value, environment))
                {
                    jwt.RequireHttpsMetadata = false;
                    jwt.TokenValidationParameters.ValidIssuers = [tenant.Value.Authority.ToString()];
                }

                var logger = loggers.CreateLogger(typeof(TabAuthentication));
                jwt.Events ??= new JwtBearerEvents();
                // The tab's tokens are read on the App's own API only: the bot's endpoint has its own validation
                // (Bot Framework tokens), and the embedded sandbox's routes carry tokens meant for Microsoft 365.
                var received = jwt.Events.OnMessageReceived;
                jwt.Events.OnMessageReceived = async context =>
                {
                    if (!IsTabApi(context.Request.Path))
                    {
                        context.NoResult();
                        return;
                    }

                    await received(context);
                };
                var previous = jwt.Events.OnAuthenticationFailed;
                jwt.Events.OnAuthenticationFailed = async context =>
                {
                    TabLog.TokenRejected(logger, context.Exception.GetType().Name);
                    await previous(context);
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(UserPolicy, policy => policy.RequireAuthenticatedUser().RequireScope(Scope));
        services.AddSingleton<IAuthorizationPolicyProvider, TabApiPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, TabClientHandler>();
        return builder;
    }

    /// <summary>The routes where a tab token is expected: <c>/api/…</c> except the bot's <c>/api/messages</c>.</summary>
    internal static bool IsTabApi(PathString path) =>
        path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/messages");

    /// <summary>An http (or https) authority on this machine outside Production: the sandbox tenant.</summary>
    internal static bool IsLocalSandboxAuthority(TenantOptions tenant, IHostEnvironment environment) =>
        !environment.IsProduction() && tenant.Instance is { IsLoopback: true };
}
