using TeamsPrevention.App.Bot;

namespace TeamsPrevention.App.Secrecy;

/// <summary>
/// The shared professional secrecy commitment (domain requirement 5): a card after the welcome, its <c>secrecy.accept</c>
/// action, the <c>confidentialité</c> command, and the recorded acknowledgements.
/// </summary>
public static class SecrecyExtensions
{
    public static IHostApplicationBuilder AddSecrecy(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddScoped<SecrecyAcknowledgements>();
        services.AddScoped<SecrecyPersonRecords>();
        services.AddScoped<IWelcomeFollowUp, SecrecyWelcome>();
        services.AddScoped<IBotCommand, SecrecyCommand>();
        services.AddCardActionHandler<SecrecyCardHandler>();
        return builder;
    }
}
