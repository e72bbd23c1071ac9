using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Situations;

/// <summary>Situations: identity key, cell team, review and retention periods, channel worker. Section <c>Situations</c>.</summary>
public sealed class SituationsOptions
{
    public const string Section = "Situations";

    /// <summary>
    /// The first sealing key (AES-256-GCM, base64 of 32 bytes): the oldest key of the sealing ring
    /// (<see cref="Sealing.SealingOptions"/>), id = its fingerprint. A key is required in Production (this one or
    /// <c>Sealing:Keys</c>); elsewhere one is generated once and kept in <see cref="DevelopmentKeyPath"/>.
    /// </summary>
    public string? IdentityKey { get; set; }

    /// <summary>Where the generated non-production key is kept (default: the user's local app data).</summary>
    public string? DevelopmentKeyPath { get; set; }

    /// <summary>The cell's team where private channels are created (sandbox: the demo cell team).</summary>
    public string? CellTeamId { get; set; }

    /// <summary>The longest time allowed until the next review (default three months).</summary>
    public TimeSpan MaxReviewInterval { get; set; } = TimeSpan.FromDays(92);

    /// <summary>After-care reviews, in months after closure (default 6 and 12). Null: the default.</summary>
    public int[]? AfterCareMonths { get; set; }

    /// <summary>Retention of declined signals after the decision (shortest; at most six months).</summary>
    public TimeSpan DeclinedRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// Retention of a signal on which no decision was ever taken (still signalled or in screening), from its report:
    /// no longer than a declined one by default. A decision replaces it (inclusion: none until closure; decline:
    /// <see cref="DeclinedRetention"/>).
    /// </summary>
    public TimeSpan UndecidedRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Retention of closed situations after closure.</summary>
    public TimeSpan ClosedRetention { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Default access length of a partner added to a need-to-know list.</summary>
    public TimeSpan PartnerAccess { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Length of a break-glass access.</summary>
    public TimeSpan BreakGlassAccess { get; set; } = TimeSpan.FromHours(24);

    public ChannelClosurePolicy ChannelOnClosure { get; set; } = ChannelClosurePolicy.Delete;

    /// <summary>Create a channel automatically on inclusion (otherwise on demand only).</summary>
    public bool ChannelOnInclusion { get; set; } = true;

    /// <summary>
    /// Seed a year of fictitious past situations (<see cref="DemoSituationsSeed"/>) with the demo directory, so that the
    /// statistics, the dashboard and the DPO's reports show something. On in <c>appsettings.Development.json</c> only;
    /// refused in Production.
    /// </summary>
    public bool SeedDemoHistory { get; set; }

    /// <summary>Run the channel worker and the purge in the background (tests run passes themselves).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Time between two passes of the background worker (creation of requested channels, purge).</summary>
    public TimeSpan PassInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time between two reconciliations of one channel with its list.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a claimed situation stays with one instance before another may take it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;

    /// <summary>The city's alert-indicator checklist. Null: the shipped example list (to replace).</summary>
    public List<AlertIndicator>? AlertIndicators { get; set; }

    public IReadOnlyList<int> EffectiveAfterCareMonths => AfterCareMonths is { Length: > 0 } m ? m : [6, 12];

    public IReadOnlyList<AlertIndicator> EffectiveIndicators => AlertIndicators is { Count: > 0 } list ? list : AlertIndicator.ExampleList;

    /// <summary>True while the city still uses the shipped example checklist.</summary>
    public bool IndicatorsAreExample => AlertIndicators is not { Count: > 0 };
}
