using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace TeamsPrevention.App.Bot;

/// <summary>
/// The signing keys of one OpenID issuer. A <see cref="ConfigurationManager{T}"/> caches the metadata and refreshes
/// it on its own (every 12 hours). When a token names a key it does not know (the issuer rotated its keys), the
/// metadata is fetched again at once (at most every <see cref="ForcedRefreshInterval"/>) and the manager is asked
/// to refresh; the fresh keys are used until the manager has caught up.
/// </summary>
internal sealed class OpenIdKeySource
{
    private static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromSeconds(30);
    private readonly string _address;
    private readonly IDocumentRetriever _retriever;
    private readonly TimeProvider _time;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Forced? _forced;
    private DateTimeOffset _lastForcedAt = DateTimeOffset.MinValue;

    public OpenIdKeySource(Uri metadataAddress, IDocumentRetriever retriever, TimeProvider time)
    {
        _address = metadataAddress.ToString();
        _retriever = retriever;
        _time = time;
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(_address, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    public async Task<ICollection<SecurityKey>> GetSigningKeysAsync(CancellationToken cancellationToken)
    {
        var current = await _manager.GetConfigurationAsync(cancellationToken);
        var forced = _forced;
        if (forced is not null && ReferenceEquals(forced.Base, current))
        {
            return forced.Configuration.SigningKeys;
        }

        return current.SigningKeys;
    }

    /// <summary>Fetches the metadata again unless that was done moments ago; true when fresh keys were loaded.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_time.GetUtcNow() - _lastForcedAt < ForcedRefreshInterval)
            {
                return false;
            }

            _lastForcedAt = _time.GetUtcNow();
            var current = await _manager.GetConfigurationAsync(cancellationToken);
            var fresh = await OpenIdConnectConfigurationRetriever.GetAsync(_address, _retriever, cancellationToken);
            _forced = new Forced(current, fresh);
            _manager.RequestRefresh();
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Forced(OpenIdConnectConfiguration Base, OpenIdConnectConfiguration Configuration);
}
