namespace TeamsPrevention.Sandbox.Graph;

/// <summary>The Teams meeting behind a calendar event, with the options an organizer can set.</summary>
public sealed class SandboxOnlineMeeting(string id, string organizerId, string joinWebUrl, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string OrganizerId { get; } = organizerId;

    public string JoinWebUrl { get; } = joinWebUrl;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string? Subject { get; set; }

    public string? StartDateTime { get; set; }

    public string? EndDateTime { get; set; }

    /// <summary>Tenant defaults: recording and transcription allowed, lobby bypassed by the organization.</summary>
    public bool AllowRecording { get; set; } = true;

    public bool AllowTranscription { get; set; } = true;

    public string LobbyBypassScope { get; set; } = "organization";

    public bool IsDialInBypassEnabled { get; set; }
}
