namespace TeamsPrevention.App.Audit;

/// <summary>
/// The audit chain's key ring, held outside the database. Section <c>Audit</c>: either <see cref="ChainKeys"/> or
/// <see cref="ChainKeyFile"/>, not both. The last key chains new entries; earlier keys only verify the entries they
/// chained (rotation: add a key at the end, keep the old ones). Required in Production; elsewhere a key is generated
/// once and kept in a file under the user's local app data.
/// </summary>
public sealed class AuditChainOptions
{
    public const string Section = "Audit";

    /// <summary>The keys, oldest first: an id (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>) and base64 of 32 bytes.</summary>
    public List<AuditChainKey>? ChainKeys { get; set; }

    /// <summary>
    /// A file holding the keys instead, one <c>id:base64</c> a line, oldest first (<c>#</c> comments and blank lines
    /// ignored): a mounted secret, readable by the App only.
    /// </summary>
    public string? ChainKeyFile { get; set; }
}

/// <summary>One key of the audit chain's ring.</summary>
public sealed class AuditChainKey
{
    public string? Id { get; set; }

    /// <summary>Base64 of 32 random bytes.</summary>
    public string? Key { get; set; }
}
