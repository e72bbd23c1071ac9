using TeamsPrevention.EndToEnd.Playground;

namespace TeamsPrevention.EndToEnd.Infrastructure;

/// <summary>
/// The real App on Kestrel and an Agents Playground pointed at its bot endpoint, started side by side (the Playground
/// waits for the endpoint by itself). Disposed in reverse order.
/// </summary>
public sealed class AppWithPlayground : IAsyncDisposable
{
    private AppWithPlayground(AppServer app, PlaygroundFixture playground)
    {
        App = app;
        Playground = playground;
    }

    public AppServer App { get; }

    public PlaygroundFixture Playground { get; }

    public static async Task<AppWithPlayground> StartAsync(
        IDictionary<string, string?>? settings = null,
        CancellationToken cancellationToken = default)
    {
        var app = AppServer.Create(settings);
        var appStarted = Task.Run(app.Start, cancellationToken);
        var playgroundStarted = PlaygroundFixture.StartAsync(app.BotEndpoint, cancellationToken);
        try
        {
            await Task.WhenAll(appStarted, playgroundStarted);
            return new AppWithPlayground(app, await playgroundStarted);
        }
        catch
        {
            if (playgroundStarted.IsCompletedSuccessfully)
            {
                await (await playgroundStarted).DisposeAsync();
            }

            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Playground.DisposeAsync();
        await App.DisposeAsync();
    }
}
