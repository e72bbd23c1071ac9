using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Audit;

/// <summary>Signed checkpoints of the chain's head, written outside the database. Section <c>Audit:Checkpoints</c>.</summary>
public sealed class AuditCheckpointOptions
{
    public const string Section = "Audit:Checkpoints";

    /// <summary>
    /// The directory of the checkpoint files (one per database, <c>{provider}-{fingerprint}.jsonl</c>); default
    /// <c>TeamsPrevention/audit-checkpoints</c> under the user's local app data, outside the database's folder. Several
    /// instances share one database's file when they share this directory (a share they may only append to is best).
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>How often the head is checkpointed when it has moved.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Run the periodic checkpoint in the background (the DPO's on-demand checkpoint works either way).</summary>
    public bool WorkerEnabled { get; set; } = true;

    internal string EffectiveDirectory => !string.IsNullOrWhiteSpace(Directory)
        ? Directory
        : Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "TeamsPrevention", "audit-checkpoints");
}
