namespace TeamsPrevention.App.Sealing;

/// <summary>
/// A sealed value that does not open: altered, moved to another row or column, or under a key no longer in the ring.
/// Never carries the value; names the table, column and row only.
/// </summary>
public sealed class SealedValueException(string where, string reason)
    : Exception($"The sealed value of {where} does not open ({reason}).")
{
    public string Where { get; } = where;

    public string Reason { get; } = reason;
}
