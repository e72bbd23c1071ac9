using TeamsPrevention.Sandbox;

namespace TeamsPrevention.App.Hosting;

/// <summary>
/// Hosts the sandbox tenant inside this process when <c>Sandbox:Embedded</c> is set (the default for
/// <c>dotnet run</c>). The App still reaches it only over HTTP, through the URLs in <see cref="TenantOptions"/>.
/// </summary>
public static class EmbeddedSandbox
{
    public static IHostApplicationBuilder AddEmbeddedSandbox(this IHostApplicationBuilder builder)
    {
        if (IsEmbedded(builder.Configuration))
        {
            // The sandbox plays Teams towards this App's own bot endpoint.
            var app = AppOptions.From(builder.Configuration);
            builder.Services.AddSandbox(builder.Configuration, o => o.BotEndpoint ??= new Uri(app.PublicBaseUrl, "api/messages"));
        }

        return builder;
    }

    public static WebApplication MapEmbeddedSandbox(this WebApplication app)
    {
        if (IsEmbedded(app.Configuration))
        {
            app.MapSandbox();
        }

        return app;
    }

    private static bool IsEmbedded(IConfiguration configuration) =>
        configuration.GetValue<bool>($"{SandboxHostingOptions.Section}:{nameof(SandboxHostingOptions.Embedded)}");
}
