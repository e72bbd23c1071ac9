using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox.Identity;

/// <summary>
/// RSA signing keys generated at start: one per sandbox tenant and one for the Bot Framework channel
/// (<see cref="BotFramework"/>). <see cref="Rotate"/> makes a new current key and, like Entra's rollover, keeps the
/// previous one published unless told otherwise. Thread-safe.
/// </summary>
public sealed class SandboxSigningKeys : IDisposable
{
    /// <summary>The key scope of the Bot Framework channel's keys.</summary>
    public const string BotFramework = "botframework";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<RSA>> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<RSA, string> _kids = [];

    public SandboxSigningKeys(SandboxState state)
    {
        foreach (var scope in state.Tenants.Select(t => t.TenantId).Append(BotFramework))
        {
            _keys[scope] = [NewKey()];
        }
    }

    /// <summary>Tenant ids plus <see cref="BotFramework"/>.</summary>
    public IReadOnlyList<string> Scopes
    {
        get
        {
            lock (_gate)
            {
                return [.. _keys.Keys];
            }
        }
    }

    /// <summary>Credentials of the current key of <paramref name="scope"/> (RS256, kid set).</summary>
    public SigningCredentials Current(string scope)
    {
        lock (_gate)
        {
            var rsa = _keys[scope][^1];
            return new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = _kids[rsa] }, SecurityAlgorithms.RsaSha256);
        }
    }

    /// <summary>Public keys published (and accepted) for <paramref name="scope"/>; empty for an unknown scope.</summary>
    public IReadOnlyList<SecurityKey> ValidationKeys(string scope)
    {
        lock (_gate)
        {
            return _keys.TryGetValue(scope, out var keys)
                ? [.. keys.Select(k => new RsaSecurityKey(k.ExportParameters(false)) { KeyId = _kids[k] })]
                : [];
        }
    }

    /// <summary>The JWKS document of <paramref name="scope"/>; each key carries <paramref name="extra"/> properties.</summary>
    public JsonObject Jwks(string scope, Func<JsonObject>? extra = null)
    {
        var keys = new JsonArray();
        lock (_gate)
        {
            foreach (var rsa in _keys[scope])
            {
                var parameters = rsa.ExportParameters(false);
                var jwk = new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = _kids[rsa],
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                };
                foreach (var (name, value) in extra?.Invoke() ?? [])
                {
                    jwk[name] = value?.DeepClone();
                }

                keys.Add(jwk);
            }
        }

        return new JsonObject { ["keys"] = keys };
    }

    /// <summary>New current key for one scope (or all when null); the previous key stays published if asked.</summary>
    public void Rotate(string? scope, bool keepPrevious)
    {
        lock (_gate)
        {
            foreach (var name in scope is null ? _keys.Keys.ToList() : [scope])
            {
                var keys = _keys[name];
                var kept = keepPrevious ? keys[^1] : null;
                foreach (var old in keys.Where(k => k != kept).ToList())
                {
                    keys.Remove(old);
                    _kids.Remove(old);
                }

                keys.Add(NewKey());
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var rsa in _keys.Values.SelectMany(k => k))
            {
                rsa.Dispose();
            }

            _keys.Clear();
        }
    }

    private RSA NewKey()
    {
        var rsa = RSA.Create(2048);
        _kids[rsa] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(20));
        return rsa;
    }
}
