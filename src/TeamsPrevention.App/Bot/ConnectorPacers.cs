using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// One <see cref="ConnectorPacer"/> per tenant, shared by every write of this instance to that tenant's Bot Connector:
/// Teams counts an app's writes per tenant, whichever feature makes them. Keyed by tenant id, so an instance serving
/// several cities keeps each city's budget apart.
/// </summary>
public sealed class ConnectorPacers(IOptions<BotOptions> options)
{
    private readonly ConcurrentDictionary<string, ConnectorPacer> _pacers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The pacer of the tenant <paramref name="tenantId"/> (created on first use).</summary>
    public ConnectorPacer For(string tenantId) => _pacers.GetOrAdd(tenantId, _ => new ConnectorPacer(options));

    /// <summary>Divides the tenant's budget between <paramref name="instances"/> live instances of the App.</summary>
    public void SetInstances(string tenantId, int instances) => For(tenantId).SetInstances(instances);
}
