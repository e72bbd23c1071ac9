using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Sealing;

/// <summary>
/// The sealing keys (<see cref="SealingOptions"/>), read once at start: the current one (the last) seals, every one
/// opens what it sealed. Keys never leave this class and <see cref="Sealer"/>, nor the process.
/// </summary>
public sealed partial class SealingKeyRing
{
    public const int MaxKeyIdLength = 32;

    private readonly Dictionary<string, byte[]> _keys;

    public SealingKeyRing(IOptions<SealingOptions> options)
    {
        if (!TryLoad(options.Value, out var keys, out var error))
        {
            throw new InvalidOperationException(error);
        }

        _keys = keys.ToDictionary(k => k.Id, k => k.Key, StringComparer.Ordinal);
        Ids = [.. keys.Select(k => k.Id)];
        CurrentId = keys[^1].Id;
    }

    /// <summary>The id of the key that seals.</summary>
    public string CurrentId { get; }

    /// <summary>Every key id, oldest first.</summary>
    public IReadOnlyList<string> Ids { get; }

    internal byte[] Current => _keys[CurrentId];

    internal bool TryGet(string id, out byte[] key) => _keys.TryGetValue(id, out key!);

    /// <summary>The id a key gets when none is given: the first 8 hex digits of its SHA-256 (what identity rows always stored).</summary>
    public static string Fingerprint(byte[] key) => Convert.ToHexString(SHA256.HashData(key))[..8];

    public static bool TryParseKey(string? text, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return key.Length == 32;
    }

    /// <summary>Reads the ring from the options (the file, if one is named); false with a reason that shows no key.</summary>
    internal static bool TryLoad(SealingOptions options, out List<(string Id, byte[] Key)> keys, out string error)
    {
        keys = [];
        error = "";
        var hasList = options.Keys is { Count: > 0 };
        var hasFile = !string.IsNullOrWhiteSpace(options.KeyFile);
        if (hasList && hasFile)
        {
            error = "Sealing:Keys and Sealing:KeyFile are both set: use one.";
            return false;
        }

        var entries = new List<(string? Id, string? Key, string Source)>();
        if (!string.IsNullOrWhiteSpace(options.IdentityKey))
        {
            entries.Add((null, options.IdentityKey, "Situations:IdentityKey"));
        }

        if (hasFile)
        {
            try
            {
                entries.AddRange(File.ReadAllLines(options.KeyFile!)
                    .Select(l => l.Trim())
                    .Where(l => l.Length > 0 && !l.StartsWith('#'))
                    .Select(l => l.Split(':', 2) is [var id, var key] ? ((string?)id.Trim(), (string?)key.Trim(), "Sealing:KeyFile") : ("", null, "Sealing:KeyFile")));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"Sealing:KeyFile cannot be read ({e.GetType().Name}).";
                return false;
            }
        }
        else
        {
            entries.AddRange((options.Keys ?? []).Select(k => (string.IsNullOrWhiteSpace(k.Id) ? null : k.Id.Trim(), k.Key?.Trim(), "Sealing:Keys")));
        }

        foreach (var (given, text, source) in entries)
        {
            if (!TryParseKey(text, out var key) || (given is not null && !KeyIdPattern().IsMatch(given)))
            {
                error = source == "Situations:IdentityKey"
                    ? "Situations:IdentityKey must be base64 of exactly 32 bytes."
                    : $"{source}: each key needs base64 of exactly 32 bytes and, if it has an id, letters, digits, '.', '_', '-' (at most {MaxKeyIdLength}).";
                return false;
            }

            var id = given ?? Fingerprint(key);
            if (keys.FirstOrDefault(k => k.Id == id) is { Key: { } listed })
            {
                if (CryptographicOperations.FixedTimeEquals(listed, key))
                {
                    // The identity key listed again in the ring (moved there): one key.
                    continue;
                }

                error = $"Sealing key id '{id}' is listed twice.";
                return false;
            }

            keys.Add((id, key));
        }

        if (keys.Count == 0)
        {
            error = "Sealing:Keys (or Situations:IdentityKey) holds no key.";
            return false;
        }

        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,32}$")]
    private static partial Regex KeyIdPattern();
}
