using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Situations;

/// <summary>Seals and opens identity fields with AES-256-GCM; the situation id is bound as associated data.</summary>
public sealed class IdentityProtector
{
    private readonly byte[] _key;
    private readonly byte[] _draftKey;

    public IdentityProtector(IOptions<SituationsOptions> options)
    {
        if (!TryParseKey(options.Value.IdentityKey, out var key))
        {
            throw new InvalidOperationException("Situations:IdentityKey is not a base64 32-byte key.");
        }

        _key = key;
        _draftKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "TeamsPrevention draft v1"u8.ToArray());
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

    /// <summary>
    /// Seals a short-lived draft that must travel through a client without being readable there (a card's signal
    /// waiting for confirmation): AES-256-GCM under a key derived from the identity key, <paramref name="purpose"/>
    /// bound as associated data; base64url of nonce, tag and ciphertext.
    /// </summary>
    public string SealDraft(ReadOnlySpan<byte> plain, string purpose)
    {
        var sealedDraft = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedDraft.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_draftKey, TagSize);
        aes.Encrypt(nonce, plain, sealedDraft.AsSpan(NonceSize + TagSize), sealedDraft.AsSpan(NonceSize, TagSize), System.Text.Encoding.UTF8.GetBytes(purpose));
        return Base64Url.EncodeToString(sealedDraft);
    }

    /// <summary>The draft sealed by <see cref="SealDraft"/> for the same purpose; null when altered, for another purpose or not one.</summary>
    public byte[]? OpenDraft(string token, string purpose)
    {
        byte[] sealedDraft;
        try
        {
            sealedDraft = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }

        if (sealedDraft.Length < NonceSize + TagSize)
        {
            return null;
        }

        var plain = new byte[sealedDraft.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_draftKey, TagSize);
            aes.Decrypt(sealedDraft.AsSpan(0, NonceSize), sealedDraft.AsSpan(NonceSize + TagSize), sealedDraft.AsSpan(NonceSize, TagSize), plain, System.Text.Encoding.UTF8.GetBytes(purpose));
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private const int NonceSize = 12;
    private const int TagSize = 16;
}
