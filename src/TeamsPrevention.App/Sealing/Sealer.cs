using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TeamsPrevention.App.Sealing;

/// <summary>
/// The one envelope for case content at rest: AES-256-GCM under the ring's current key, a fresh 96-bit nonce each
/// time, the key id written in the envelope, and associated data binding the ciphertext to where it lives (table,
/// column and row id, with the key id), so a sealed value copied to another row or column does not open.
/// Text: <c>tps1:{keyId}:{base64(nonce ‖ tag ‖ ciphertext)}</c>. Rows (the identity fields) keep their own columns.
/// </summary>
public sealed class Sealer(SealingKeyRing ring)
{
    public const string Prefix = "tps1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] TokenInfo = "TeamsPrevention draft v1"u8.ToArray();

    public string CurrentKeyId => ring.CurrentId;

    /// <summary>Seals <paramref name="plain"/> for the place <paramref name="where"/> under the current key.</summary>
    public string Seal(string plain, string where)
    {
        var keyId = ring.CurrentId;
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[NonceSize + TagSize + plainBytes.Length];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, NonceSize));
        using (var aes = new AesGcm(ring.Current, TagSize))
        {
            aes.Encrypt(sealedBytes.AsSpan(0, NonceSize), plainBytes, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Associated(keyId, where));
        }

        CryptographicOperations.ZeroMemory(plainBytes);
        return $"{Prefix}{keyId}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>
    /// Opens what <see cref="Seal"/> sealed for <paramref name="where"/>; throws <see cref="SealedValueException"/> when
    /// it is not an envelope, was altered or moved, names another key than <paramref name="expectedKeyId"/> (the row's
    /// own record of its key), or its key has left the ring.
    /// </summary>
    public string Open(string envelope, string expectedKeyId, string where)
    {
        if (KeyIdOf(envelope) is not { } keyId || keyId.Length + Prefix.Length + 1 >= envelope.Length)
        {
            throw new SealedValueException(where, "not sealed");
        }

        if (!string.Equals(keyId, expectedKeyId, StringComparison.Ordinal))
        {
            throw new SealedValueException(where, "key differs from the row's");
        }

        if (!ring.TryGet(keyId, out var key))
        {
            throw new SealedValueException(where, $"key {keyId} is not in the ring");
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(envelope[(Prefix.Length + keyId.Length + 1)..]);
        }
        catch (FormatException)
        {
            throw new SealedValueException(where, "not sealed");
        }

        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new SealedValueException(where, "too short");
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, Associated(keyId, where));
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new SealedValueException(where, "altered or moved");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>The key id an envelope names; null when the text is not one.</summary>
    public static string? KeyIdOf(string envelope)
    {
        if (!envelope.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = envelope.IndexOf(':', Prefix.Length);
        return end > Prefix.Length && end - Prefix.Length <= SealingKeyRing.MaxKeyIdLength ? envelope[Prefix.Length..end] : null;
    }

    /// <summary>Seals bytes under the current key with the caller's associated data (a row with its own columns).</summary>
    public (string KeyId, byte[] Nonce, byte[] Ciphertext, byte[] Tag) SealBytes(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> associatedData)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[TagSize];
        using var aes = new AesGcm(ring.Current, TagSize);
        aes.Encrypt(nonce, plain, cipher, tag, associatedData);
        return (ring.CurrentId, nonce, cipher, tag);
    }

    /// <summary>Opens what <see cref="SealBytes"/> sealed; throws <see cref="SealedValueException"/> (altered, moved, key gone).</summary>
    public byte[] OpenBytes(string keyId, byte[] nonce, byte[] ciphertext, byte[] tag, ReadOnlySpan<byte> associatedData, string where)
    {
        if (!ring.TryGet(keyId, out var key))
        {
            throw new SealedValueException(where, $"key {keyId} is not in the ring");
        }

        var plain = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, tag.Length);
            aes.Decrypt(nonce, ciphertext, tag, plain, associatedData);
            return plain;
        }
        catch (Exception e) when (e is AuthenticationTagMismatchException or ArgumentException)
        {
            throw new SealedValueException(where, "altered or moved");
        }
    }

    /// <summary>
    /// Seals a short-lived token that must travel through a client without being readable there (a card's signal
    /// waiting for confirmation): AES-256-GCM under a key derived from the current key, <paramref name="purpose"/>
    /// bound as associated data; base64url of nonce, tag and ciphertext.
    /// </summary>
    public string SealToken(ReadOnlySpan<byte> plain, string purpose)
    {
        var sealedToken = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedToken.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(TokenKey(ring.Current), TagSize);
        aes.Encrypt(nonce, plain, sealedToken.AsSpan(NonceSize + TagSize), sealedToken.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(purpose));
        return Base64Url.EncodeToString(sealedToken);
    }

    /// <summary>The token sealed by <see cref="SealToken"/> for the same purpose under any key of the ring; null when altered, for another purpose or not one.</summary>
    public byte[]? OpenToken(string token, string purpose)
    {
        byte[] sealedToken;
        try
        {
            sealedToken = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }

        if (sealedToken.Length < NonceSize + TagSize)
        {
            return null;
        }

        var plain = new byte[sealedToken.Length - NonceSize - TagSize];
        foreach (var id in ring.Ids.Reverse())
        {
            ring.TryGet(id, out var key);
            try
            {
                using var aes = new AesGcm(TokenKey(key), TagSize);
                aes.Decrypt(sealedToken.AsSpan(0, NonceSize), sealedToken.AsSpan(NonceSize + TagSize), sealedToken.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(purpose));
                return plain;
            }
            catch (AuthenticationTagMismatchException)
            {
                // Sealed under another key of the ring, or not at all: try the next.
            }
        }

        return null;
    }

    private static byte[] TokenKey(byte[] key) => HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: TokenInfo);

    private static byte[] Associated(string keyId, string where) => Encoding.UTF8.GetBytes($"{Prefix}{keyId}:{where}");
}
