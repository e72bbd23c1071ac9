using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Sealing;

/// <summary>
/// Case content sealed at rest: the key ring (<see cref="SealingOptions"/>, outside the database), the envelope
/// (<see cref="Sealer"/>), EF's seal-on-save and open-on-load (<see cref="SealingInterceptor"/>, <see cref="SealedMaterializer"/>, given to every
/// context through the <see cref="IInterceptor"/>s registered here), the background re-sealing
/// (<see cref="ResealWorker"/>) and its progress in <c>/health/ready</c>.
/// </summary>
public static class SealingExtensions
{
    public static IHostApplicationBuilder AddSealing(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SealingOptions>()
            .BindConfiguration(SealingOptions.Section)
            .Configure<IConfiguration>((o, configuration) =>
            {
                // The identity key of earlier versions is the ring's oldest key.
                o.IdentityKey ??= configuration["Situations:IdentityKey"];
                o.DevelopmentKeyPath ??= configuration["Situations:DevelopmentKeyPath"];
            })
            .ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<SealingOptions>, DevelopmentSealingKey>();
        services.AddSingleton<IValidateOptions<SealingOptions>, SealingOptionsValidation>();
        services.AddSingleton<SealingKeyRing>();
        services.AddSingleton<Sealer>();
        services.AddSingleton<SealingStatus>();
        services.AddSingleton<SealingInterceptor>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SealingInterceptor>());
        services.AddSingleton<IInterceptor>(SealedMaterializer.Instance);
        services.AddSingleton<ResealWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ResealWorker>());
        services.AddExceptionHandler<SealedValueExceptionHandler>();
        services.AddHealthChecks().AddCheck<SealingHealthCheck>("sealing", tags: [HostingExtensions.ReadyTag]);
        return builder;
    }
}
