using System.Security.Cryptography;
using System.Text.Json;
using TeamsPrevention.App.Sealing;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// Seals and opens identity fields with the sealing ring (<see cref="Sealer"/>, AES-256-GCM); the situation id is bound
/// as associated data and the row keeps the id of the key that sealed it (<see cref="SituationIdentity.KeyId"/>).
/// </summary>
public sealed class IdentityProtector(Sealer sealer)
{
    public void Seal(SituationIdentity row, Guid situationId, IReadOnlyDictionary<string, string> fields)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(fields);
        var (keyId, nonce, cipher, tag) = sealer.SealBytes(plain, situationId.ToByteArray());
        CryptographicOperations.ZeroMemory(plain);
        row.KeyId = keyId;
        row.Nonce = nonce;
        row.Ciphertext = cipher;
        row.Tag = tag;
    }

    /// <summary>The fields; throws <see cref="SealedValueException"/> when the row was altered, moved to another situation, or its key left the ring.</summary>
    public Dictionary<string, string> Open(SituationIdentity row)
    {
        var plain = sealer.OpenBytes(row.KeyId, row.Nonce, row.Ciphertext, row.Tag, row.SituationId.ToByteArray(), Where(row.SituationId));
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
    /// waiting for confirmation), <paramref name="purpose"/> bound as associated data (<see cref="Sealer.SealToken"/>).
    /// </summary>
    public string SealDraft(ReadOnlySpan<byte> plain, string purpose) => sealer.SealToken(plain, purpose);

    /// <summary>The draft sealed by <see cref="SealDraft"/> for the same purpose; null when altered, for another purpose or not one.</summary>
    public byte[]? OpenDraft(string token, string purpose) => sealer.OpenToken(token, purpose);

    internal static string Where(Guid situationId) => $"SituationIdentities:{situationId:D}";
}
