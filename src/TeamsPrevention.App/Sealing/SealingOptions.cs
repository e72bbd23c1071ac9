namespace TeamsPrevention.App.Sealing;

/// <summary>
/// The key ring that seals case content at rest (free text and the identity fields), held outside the database.
/// Section <c>Sealing</c>: either <see cref="Keys"/> or <see cref="KeyFile"/>, not both, oldest first; the last one
/// seals, every one opens what it sealed. <c>Situations:IdentityKey</c>, when set, is the oldest key of the ring (its
/// id is its fingerprint, the id the identity rows always stored). Production refuses to start without a key;
/// elsewhere a development key is generated once and kept in a file under the user's local app data.
/// Rotation: add a key at the end, restart, wait until <see cref="ResealWorker"/> says no row uses an older key, then
/// remove the older key.
/// </summary>
public sealed class SealingOptions
{
    public const string Section = "Sealing";

    /// <summary>The keys, oldest first: an id (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; default the key's fingerprint) and base64 of 32 bytes.</summary>
    public List<SealingKey>? Keys { get; set; }

    /// <summary>A file holding the keys instead, one <c>id:base64</c> a line, oldest first (<c>#</c> comments and blank lines ignored).</summary>
    public string? KeyFile { get; set; }

    /// <summary>From <c>Situations:IdentityKey</c>: the oldest key of the ring, id = its fingerprint.</summary>
    public string? IdentityKey { get; set; }

    /// <summary>From <c>Situations:DevelopmentKeyPath</c>: where the generated non-production key is kept.</summary>
    public string? DevelopmentKeyPath { get; set; }

    /// <summary>Re-seal rows still under an older key (or plain, from before sealing) in the background.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Rows re-sealed per transaction.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Pause between two batches, so that the users' own writes pass between them.</summary>
    public TimeSpan BatchPause { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Time between two looks once everything is sealed under the current key.</summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>One key of the sealing ring.</summary>
public sealed class SealingKey
{
    public string? Id { get; set; }

    /// <summary>Base64 of 32 random bytes.</summary>
    public string? Key { get; set; }
}
