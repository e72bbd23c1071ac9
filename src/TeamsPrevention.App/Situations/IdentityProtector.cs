using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Situations;

/// <summary>Seals and opens identity fields with AES-256-GCM; the situation id is bound as associated data.</summary>
public sealed class IdentityProtector
{
    private readonly byte[] _key;

    public IdentityProtector(IOptions<SituationsOptions> options)
    {
        if (!TryParseKey(options.Value.IdentityKey, out var key))
        {
            throw new InvalidOperationException("Situations:IdentityKey is not a base64 32-byte key.");
        }

        _key = key;
        KeyId = Convert.ToHexString(SHA256.HashData(key))[..8];
    }

    /// <summary>A short fingerprint of the key (not the key), stored with each sealed row.</summary>
    public string KeyId { get; }

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

    public void Seal(SituationIdentity row, Guid situationId, IReadOnlyDictionary<string, string> fields)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(fields);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(_key, tag.Length);
        aes.Encrypt(nonce, plain, cipher, tag, situationId.ToByteArray());
        CryptographicOperations.ZeroMemory(plain);
        row.KeyId = KeyId;
        row.Nonce = nonce;
        row.Ciphertext = cipher;
        row.Tag = tag;
    }

    public Dictionary<string, string> Open(SituationIdentity row)
    {
        var plain = new byte[row.Ciphertext.Length];
        using var aes = new AesGcm(_key, row.Tag.Length);
        aes.Decrypt(row.Nonce, row.Ciphertext, row.Tag, plain, row.SituationId.ToByteArray());
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(plain) ?? [];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
