namespace TeamsPrevention.App.Situations;

/// <summary>Why a written reason was given. Stored by name.</summary>
public enum JustificationKind
{
    Reveal,
    BreakGlass,
}
