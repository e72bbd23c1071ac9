namespace TeamsPrevention.App.Situations;

/// <summary>
/// The person's identity and other tagged fields, apart from case data, as one AES-GCM sealed JSON object
/// (the situation id is the associated data, so a row moved to another situation does not open).
/// </summary>
public sealed class SituationIdentity
{
    public Guid SituationId { get; init; }

    /// <summary>Which key sealed it.</summary>
    public required string KeyId { get; set; }

    public required byte[] Nonce { get; set; }

    public required byte[] Ciphertext { get; set; }

    public required byte[] Tag { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
