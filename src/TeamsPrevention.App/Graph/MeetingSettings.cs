namespace TeamsPrevention.App.Graph;

/// <summary>The options of a Teams meeting that matter for confidentiality.</summary>
public sealed record MeetingSettings(string MeetingId, bool AllowRecording, bool AllowTranscription, LobbyScope Lobby);
