namespace TeamsPrevention.App.Bot;

/// <summary>How a turn ended, for the log.</summary>
public enum TurnOutcome
{
    Ignored,
    NotAddressed,
    Help,
    Unknown,
    Command,
    Welcomed,
    ReferenceStored,
    CardAction,
    MessageExtension,
    Refused,
    Invalid,
    NotAvailable,
    NotImplemented,
}
