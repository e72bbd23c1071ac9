using Microsoft.Graph.Models;

namespace TeamsPrevention.App.Graph;

/// <summary>
/// The settings of a Teams meeting (recording, transcription, lobby), found by its join URL.
/// </summary>
public sealed class GraphOnlineMeetings(GraphConnection graph)
{
    private readonly GraphConnection _graph = graph;

    // ---------------------------------------------------------------- online meeting settings

    /// <summary>The settings of the Teams meeting joined by <paramref name="joinUrl"/>, organized by the user.</summary>
    public Task<MeetingSettings> GetMeetingSettingsAsync(string organizerUserId, string joinUrl, CancellationToken cancellationToken) =>
        _graph.CallAsync("get meeting settings", async () =>
        {
            var page = await _graph.Client.Users[organizerUserId].OnlineMeetings.GetAsync(
                r => r.QueryParameters.Filter = $"JoinWebUrl eq '{joinUrl.Replace("'", "''", StringComparison.Ordinal)}'", cancellationToken);
            var meeting = page?.Value?.FirstOrDefault()
                ?? throw new GraphGatewayException(GraphFailure.NotFound, "get meeting settings", 200, "NoMeetingForJoinUrl", null, null);
            return ToSettings(meeting);
        }, cancellationToken);

    public Task<MeetingSettings> UpdateMeetingSettingsAsync(
        string organizerUserId, string meetingId, bool allowRecording, bool allowTranscription, LobbyScope lobby, CancellationToken cancellationToken) =>
        _graph.CallAsync("update meeting settings", async () =>
        {
            var patch = new OnlineMeeting
            {
                AllowRecording = allowRecording,
                AllowTranscription = allowTranscription,
                LobbyBypassSettings = new LobbyBypassSettings { Scope = ToGraph(lobby) },
            };
            var updated = await _graph.Client.Users[organizerUserId].OnlineMeetings[meetingId].PatchAsync(patch, cancellationToken: cancellationToken);
            return ToSettings(updated!);
        }, cancellationToken);

    /// <summary>The cell's meetings: no recording, no transcription, and everyone not invited waits in the lobby.</summary>
    public async Task<MeetingSettings> ApplyConfidentialMeetingSettingsAsync(string organizerUserId, string joinUrl, CancellationToken cancellationToken)
    {
        var current = await GetMeetingSettingsAsync(organizerUserId, joinUrl, cancellationToken);
        return await UpdateMeetingSettingsAsync(organizerUserId, current.MeetingId, false, false, LobbyScope.Invited, cancellationToken);
    }

    private static MeetingSettings ToSettings(OnlineMeeting meeting) => new(
        meeting.Id ?? "",
        meeting.AllowRecording ?? true,
        meeting.AllowTranscription ?? true,
        meeting.LobbyBypassSettings?.Scope switch
        {
            LobbyBypassScope.Organizer => LobbyScope.Organizer,
            LobbyBypassScope.Invited => LobbyScope.Invited,
            LobbyBypassScope.OrganizationExcludingGuests => LobbyScope.OrganizationExcludingGuests,
            LobbyBypassScope.OrganizationAndFederated => LobbyScope.OrganizationAndFederated,
            LobbyBypassScope.Everyone => LobbyScope.Everyone,
            _ => LobbyScope.Organization,
        });

    private static LobbyBypassScope ToGraph(LobbyScope scope) => scope switch
    {
        LobbyScope.Organizer => LobbyBypassScope.Organizer,
        LobbyScope.Invited => LobbyBypassScope.Invited,
        LobbyScope.OrganizationExcludingGuests => LobbyBypassScope.OrganizationExcludingGuests,
        LobbyScope.OrganizationAndFederated => LobbyBypassScope.OrganizationAndFederated,
        LobbyScope.Everyone => LobbyBypassScope.Everyone,
        _ => LobbyBypassScope.Organization,
    };

}
