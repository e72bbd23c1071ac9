namespace TeamsPrevention.App.Bot;

/// <summary>Which handler type serves the card verbs starting with <paramref name="VerbPrefix"/> (one per registered handler).</summary>
internal sealed record CardActionRoute(string VerbPrefix, Type HandlerType);

public static class CardActionHandlers
{
    /// <summary>Registers <typeparamref name="THandler"/> (scoped) for the card verbs starting with its <see cref="ICardActionHandler.VerbPrefix"/>.</summary>
    public static IServiceCollection AddCardActionHandler<THandler>(this IServiceCollection services)
        where THandler : class, ICardActionHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new CardActionRoute(THandler.VerbPrefix, typeof(THandler)));
        return services;
    }
}
