namespace TeamsPrevention.App.Situations;

/// <summary>What a person may see of one situation.</summary>
public enum AccessLevel
{
    /// <summary>Nothing: the situation does not exist for them (404).</summary>
    None,

    /// <summary>Code, state and dates only (Admin, DPO): never content.</summary>
    Metadata,

    /// <summary>Content (need-to-know list, or the Chair who sees all).</summary>
    Content,
}
