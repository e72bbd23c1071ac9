using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace TeamsPrevention.Tests.Infrastructure;

/// <summary>How a <see cref="SandboxServer"/> starts. <see cref="RootUrl"/> is fixed before start.</summary>
public sealed class SandboxServerOptions(Uri rootUrl)
{
    public Uri RootUrl { get; } = rootUrl;

    /// <summary>Configuration keys, e.g. <c>["SandboxTenant:RateLimits:BotPerTenant"] = "5/1s"</c>.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Use this clock instead of the system's (start it near now so tokens stay valid for real validators).</summary>
    public FakeTimeProvider? Clock { get; set; }

    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Extra endpoints on the same host, e.g. a fake bot; set <c>SandboxTenant:BotEndpoint</c> to it.</summary>
    public Action<WebApplication>? ConfigureApp { get; set; }

    /// <summary>A fake clock starting now.</summary>
    public FakeTimeProvider UseFakeClock()
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return Clock;
    }
}
