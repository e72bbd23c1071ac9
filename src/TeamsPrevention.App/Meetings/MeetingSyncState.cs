using System.Text.Json.Serialization;

namespace TeamsPrevention.App.Meetings;

/// <summary>Where the meeting stands with Outlook and Teams (Graph): the stored meeting is the intent, Graph follows.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MeetingSyncState>))]
public enum MeetingSyncState
{
    /// <summary>Stored; the Graph call has not completed yet.</summary>
    Pending,

    /// <summary>Outlook and Teams reflect the stored meeting.</summary>
    Synced,

    /// <summary>The Graph call failed: the coordinator sees it and retries.</summary>
    ToRetry,
}
