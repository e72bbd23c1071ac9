using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// The chain keys (<see cref="AuditChainOptions"/>), read once at start: the current one (the last) seals new entries
/// and checkpoints; every one verifies what it sealed. Keys never leave this class, nor the process.
/// </summary>
public sealed partial class AuditKeyRing
{
    public const int MaxKeyIdLength = 32;

    private readonly Dictionary<string, byte[]> _keys;

    public AuditKeyRing(IOptions<AuditChainOptions> options)
    {
        if (!TryLoad(options.Value, out var keys, out var error))
        {
            throw new InvalidOperationException(error);
        }

        _keys = keys.ToDictionary(k => k.Id, k => k.Key, StringComparer.Ordinal);
        CurrentId = keys[^1].Id;
    }

    /// <summary>The id of the key that seals new entries and checkpoints.</summary>
    public string CurrentId { get; }

    internal byte[] Current => _keys[CurrentId];

    internal bool TryGet(string id, out byte[] key) => _keys.TryGetValue(id, out key!);

    /// <summary>Reads the ring from the options (the file, if one is named); false with a reason that shows no key.</summary>
    internal static bool TryLoad(AuditChainOptions options, out List<(string Id, byte[] Key)> keys, out string error)
    {
        keys = [];
        error = "";
        var hasList = options.ChainKeys is { Count: > 0 };
        var hasFile = !string.IsNullOrWhiteSpace(options.ChainKeyFile);
        if (hasList && hasFile)
        {
            error = "Audit:ChainKeys and Audit:ChainKeyFile are both set: use one.";
            return false;
        }

        IEnumerable<(string? Id, string? Key)> entries;
        if (hasFile)
        {
            try
            {
                entries = File.ReadAllLines(options.ChainKeyFile!)
                    .Select(l => l.Trim())
                    .Where(l => l.Length > 0 && !l.StartsWith('#'))
                    .Select(l => l.Split(':', 2) is [var id, var key] ? (id.Trim(), key.Trim()) : ((string?)null, (string?)null))
                    .ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"Audit:ChainKeyFile cannot be read ({e.GetType().Name}).";
                return false;
            }
        }
        else
        {
            entries = (options.ChainKeys ?? []).Select(k => (k.Id?.Trim(), k.Key?.Trim()));
        }

        foreach (var (id, text) in entries)
        {
            if (id is null || !KeyIdPattern().IsMatch(id) || !TryParseKey(text, out var key))
            {
                error = $"{(hasFile ? "Audit:ChainKeyFile" : "Audit:ChainKeys")}: each key needs an id (letters, digits, '.', '_', '-', at most {MaxKeyIdLength}) and base64 of exactly 32 bytes.";
                return false;
            }

            if (keys.Any(k => k.Id == id))
            {
                error = $"Audit chain key id '{id}' is listed twice.";
                return false;
            }

            keys.Add((id, key));
        }

        if (keys.Count == 0)
        {
            error = hasFile ? "Audit:ChainKeyFile holds no key." : "Audit:ChainKeys holds no key.";
            return false;
        }

        return true;
    }

    /// <summary>A fresh key's line for a key file: <c>id:base64</c>, the id a fingerprint of the key.</summary>
    internal static string NewKeyLine(string prefix)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        return $"{prefix}-{Convert.ToHexStringLower(SHA256.HashData(key))[..8]}:{Convert.ToBase64String(key)}";
    }

    private static bool TryParseKey(string? text, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return false;
        }

        return key.Length == 32;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$")]
    private static partial Regex KeyIdPattern();
}
