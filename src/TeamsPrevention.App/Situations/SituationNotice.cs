namespace TeamsPrevention.App.Situations;

/// <summary>The content-free messages the product sends about a situation (the code and a fixed phrase only).</summary>
public enum SituationNotice
{
    /// <summary>To the Chair and the DPO: someone used break-glass access.</summary>
    BreakGlass,

    /// <summary>To the referent: the reconciliation corrected the channel.</summary>
    ChannelCorrected,
}
