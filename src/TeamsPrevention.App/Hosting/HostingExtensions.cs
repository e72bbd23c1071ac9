using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TeamsPrevention.App.Hosting;

public static class HostingExtensions
{
    /// <summary>The tag of health checks that must pass before the App takes traffic.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Options, telemetry, problem details, health checks and time: what every feature stands on.</summary>
    public static IHostApplicationBuilder AddHosting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddOptions<AppOptions>()
            .Configure(o => o.PublicBaseUrl = AppOptions.From(builder.Configuration).PublicBaseUrl)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SandboxHostingOptions>().BindConfiguration(SandboxHostingOptions.Section).ValidateOnStart();
        services.AddOptions<TenantOptions>().BindConfiguration(TenantOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<TenantOptions>, TenantOptionsSetup>();
        services.AddSingleton<IValidateOptions<SandboxHostingOptions>, ProductionSafety>();
        services.AddSingleton<IValidateOptions<TenantOptions>, ProductionSafety>();
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);

        services.TryAddSingletonTimeProvider();
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        // A parameter that does not bind throws in every environment (not only Development), so that the answer names it.
        services.PostConfigure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddHealthChecks();
        services.AddHostedService<StartupBanner>();
        services.AddHttpClient(AppTokenClient.HttpClientName).AddStandardResilienceHandler();
        services.AddSingleton<AppTokenClient>();

        // Browsers keep to https for a year, subdomains included, once they met the App over https outside Development.
        services.AddHsts(o =>
        {
            o.MaxAge = HstsMaxAge;
            o.IncludeSubDomains = true;
        });

        // The API's description helps developers and attackers alike: it exists in Development only.
        if (builder.Environment.IsDevelopment())
        {
            services.AddOpenApi();
        }

        builder.AddTelemetry();
        return builder;
    }

    /// <summary>How long a browser keeps to https after an answer of the App (<c>Strict-Transport-Security</c>).</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static WebApplication UseHosting(this WebApplication app)
    {
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStatusCodePages();
        return app;
    }

    /// <summary>The OpenAPI document (<c>/openapi/v1.json</c>), in Development only.</summary>
    public static WebApplication MapApiDocument(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi();
        }

        return app;
    }

    /// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (database and dependencies).</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        return endpoints;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    private static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = options.OtlpEndpoint;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(TelemetryOptions.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(TelemetryOptions.ServiceName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation();
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => Export(o, options, "v1/traces"));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TelemetryOptions.ServiceName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => Export(o, options, "v1/metrics"));
                }
            });

        // Query strings and bodies are never recorded: spans keep the route template only.
        _ = telemetry;
    }

    /// <summary>Over HTTP the exporter needs the signal's full path; over gRPC the collector's address.</summary>
    private static void Export(OtlpExporterOptions exporter, TelemetryOptions options, string signalPath)
    {
        exporter.Protocol = options.OtlpProtocol;
        var endpoint = options.OtlpEndpoint!;
        exporter.Endpoint = options.OtlpProtocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint.ToString().TrimEnd('/') + "/" + signalPath)
            : endpoint;
    }
}
