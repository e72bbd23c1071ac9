using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace TeamsPrevention.App.Graph;

/// <summary>
/// The team's channels and their members: create (private, shared), find, rename, archive, delete; list, add, remove
/// members (many at once through <see cref="GraphBatch"/>).
/// </summary>
public sealed partial class GraphChannels(GraphConnection graph, GraphBatch batch)
{
    private readonly GraphConnection _graph = graph;
    private readonly GraphBatch _batch = batch;

    // ---------------------------------------------------------------- channels

    /// <summary>
    /// Creates a private channel owned by <paramref name="ownerUserId"/> with <paramref name="memberUserIds"/>
    /// (all must be team members). Up to <see cref="GraphGatewayOptions.MaxMembersInChannelCreate"/> people go in the
    /// creating request; the others are added by batches of 20 afterwards.
    /// </summary>
    public async Task<CreatedChannel> CreatePrivateChannelAsync(
        string teamId, string displayName, string ownerUserId, IReadOnlyCollection<string> memberUserIds, CancellationToken cancellationToken)
    {
        var others = memberUserIds.Where(id => !GraphConnection.SameId(id, ownerUserId)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var inCreate = others.Take(_graph.Options.MaxMembersInChannelCreate - 1).ToList();
        var later = others.Skip(inCreate.Count).ToList();
        var request = new Channel
        {
            DisplayName = displayName,
            MembershipType = ChannelMembershipType.Private,
            Members = [_graph.NewMember(ownerUserId, owner: true), .. inCreate.Select(id => _graph.NewMember(id, owner: false))],
        };
        var created = await _graph.CallAsync("create private channel", async () =>
            (await _graph.Client.Teams[teamId].Channels.PostAsync(request, cancellationToken: cancellationToken))!, cancellationToken);
        var channel = ToChannel(teamId, created);
        GraphLog.PrivateChannelCreated(_graph.Logger, channel.Id, teamId, inCreate.Count + 1);

        var notAdded = later.Count == 0
            ? []
            : (await AddChannelMembersAsync(teamId, channel.Id, later, cancellationToken)).Where(o => !o.Added).ToList();
        return new CreatedChannel(channel, notAdded);
    }

    /// <summary>
    /// Creates a shared channel with its single owner. Graph answers 202 with a <c>teamsAsyncOperation</c>; this
    /// polls it every <see cref="GraphGatewayOptions.SharedChannelPollInterval"/> until it succeeds.
    /// </summary>
    public async Task<TeamChannel> CreateSharedChannelAsync(string teamId, string displayName, string ownerUserId, CancellationToken cancellationToken)
    {
        var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var request = new Channel
        {
            DisplayName = displayName,
            MembershipType = ChannelMembershipType.Shared,
            Members = [_graph.NewMember(ownerUserId, owner: true)],
        };
        await _graph.CallAsync("create shared channel", async () =>
            await _graph.Client.Teams[teamId].Channels.PostAsync(request, r => r.Options.Add(headers), cancellationToken), cancellationToken);

        var location = headers.ResponseHeaders.TryGetValue("Location", out var values) ? values.FirstOrDefault() : null;
        var operationId = location is null ? null : OperationIdPattern().Match(location) is { Success: true } m ? m.Groups["id"].Value : null;
        if (operationId is null)
        {
            throw new GraphGatewayException(GraphFailure.Transient, "create shared channel", 202, "NoOperationLocation", null, null);
        }

        GraphLog.SharedChannelAccepted(_graph.Logger, operationId, teamId);
        var deadline = _graph.Time.GetUtcNow() + _graph.Options.SharedChannelTimeout;
        while (true)
        {
            await Task.Delay(_graph.Options.SharedChannelPollInterval, _graph.Time, cancellationToken);
            var operation = await _graph.CallAsync("poll shared channel creation", async () =>
                (await _graph.Client.Teams[teamId].Operations[operationId].GetAsync(cancellationToken: cancellationToken))!, cancellationToken);
            if (operation.Status == TeamsAsyncOperationStatus.Succeeded && operation.TargetResourceId is { } channelId)
            {
                GraphLog.SharedChannelFinished(_graph.Logger, operationId, teamId, "succeeded");
                return await GetChannelAsync(teamId, channelId, cancellationToken)
                    ?? throw new GraphGatewayException(GraphFailure.Transient, "create shared channel", 404, "ChannelNotVisibleYet", null, null);
            }

            if (operation.Status == TeamsAsyncOperationStatus.Failed)
            {
                GraphLog.SharedChannelFinished(_graph.Logger, operationId, teamId, "failed");
                throw new GraphGatewayException(GraphFailure.BadRequest, "create shared channel", null, operation.Error?.Code, null, null);
            }

            if (_graph.Time.GetUtcNow() >= deadline)
            {
                GraphLog.SharedChannelFinished(_graph.Logger, operationId, teamId, "still running at the deadline");
                throw new GraphGatewayException(GraphFailure.Transient, "create shared channel", null, "OperationStillRunning", null, null);
            }
        }
    }

    /// <summary>A channel of the team; null when it does not exist (or was deleted).</summary>
    public async Task<TeamChannel?> GetChannelAsync(string teamId, string channelId, CancellationToken cancellationToken)
    {
        try
        {
            return await _graph.CallAsync("get channel", async () =>
                ToChannel(teamId, (await _graph.Client.Teams[teamId].Channels[channelId].GetAsync(cancellationToken: cancellationToken))!), cancellationToken);
        }
        catch (GraphGatewayException e) when (e.Kind == GraphFailure.NotFound)
        {
            return null;
        }
    }

    /// <summary>The team's channel with this display name (Graph compares without case), or null.</summary>
    public Task<TeamChannel?> FindChannelByNameAsync(string teamId, string displayName, CancellationToken cancellationToken) =>
        _graph.CallAsync("find channel", async () =>
        {
            var page = await _graph.Client.Teams[teamId].Channels.GetAsync(
                r => r.QueryParameters.Filter = $"displayName eq '{displayName.Replace("'", "''", StringComparison.Ordinal)}'",
                cancellationToken);
            var found = page?.Value?.FirstOrDefault();
            return found is null ? null : ToChannel(teamId, found);
        }, cancellationToken);

    public Task RenameChannelAsync(string teamId, string channelId, string displayName, CancellationToken cancellationToken) =>
        _graph.CallAsync("rename channel", async () =>
        {
            await _graph.Client.Teams[teamId].Channels[channelId].PatchAsync(new Channel { DisplayName = displayName }, cancellationToken: cancellationToken);
            GraphLog.ChannelChanged(_graph.Logger, channelId, teamId, "renamed");
            return true;
        }, cancellationToken);

    public Task DeleteChannelAsync(string teamId, string channelId, CancellationToken cancellationToken) =>
        _graph.CallAsync("delete channel", async () =>
        {
            await _graph.Client.Teams[teamId].Channels[channelId].DeleteAsync(cancellationToken: cancellationToken);
            GraphLog.ChannelChanged(_graph.Logger, channelId, teamId, "deleted");
            return true;
        }, cancellationToken);

    /// <summary>
    /// Archives a channel (<c>channel: archive</c>): read-only in Teams — no new messages, no settings changes — while
    /// its members may still change and it can still be deleted. The channel's SharePoint folder becomes read-only for
    /// its members too. Graph completes the archive after answering 202.
    /// </summary>
    public Task ArchiveChannelAsync(string teamId, string channelId, CancellationToken cancellationToken) =>
        _graph.CallAsync("archive channel", async () =>
        {
            await _graph.Client.Teams[teamId].Channels[channelId].Archive.PostAsync(
                new Microsoft.Graph.Teams.Item.Channels.Item.Archive.ArchivePostRequestBody { ShouldSetSpoSiteReadOnlyForMembers = true },
                cancellationToken: cancellationToken);
            GraphLog.ChannelChanged(_graph.Logger, channelId, teamId, "archived");
            return true;
        }, cancellationToken);

    // ---------------------------------------------------------------- channel members

    public Task<IReadOnlyList<Membership>> ListChannelMembersAsync(string teamId, string channelId, CancellationToken cancellationToken) =>
        _graph.CallAsync<IReadOnlyList<Membership>>("list channel members", async () =>
        {
            var members = new List<Membership>();
            var builder = _graph.Client.Teams[teamId].Channels[channelId].Members;
            var page = await builder.GetAsync(cancellationToken: cancellationToken);
            while (page is not null)
            {
                members.AddRange((page.Value ?? []).Select(GraphConnection.ToMembership));
                page = page.OdataNextLink is { } next ? await builder.WithUrl(next).GetAsync(cancellationToken: cancellationToken) : null;
            }

            return members;
        }, cancellationToken);

    public Task<Membership> AddChannelMemberAsync(string teamId, string channelId, string userId, bool asOwner, CancellationToken cancellationToken) =>
        _graph.CallAsync("add channel member", async () =>
            GraphConnection.ToMembership((await _graph.Client.Teams[teamId].Channels[channelId].Members.PostAsync(_graph.NewMember(userId, asOwner), cancellationToken: cancellationToken))!),
            cancellationToken);

    public Task RemoveChannelMemberAsync(string teamId, string channelId, string membershipId, CancellationToken cancellationToken) =>
        _graph.CallAsync("remove channel member", async () =>
        {
            await _graph.Client.Teams[teamId].Channels[channelId].Members[membershipId].DeleteAsync(cancellationToken: cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Adds many people to a channel by batches of 20 (throttled ones are sent again after Retry-After).</summary>
    public async Task<IReadOnlyList<MemberAddOutcome>> AddChannelMembersAsync(
        string teamId, string channelId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var url = $"teams/{Uri.EscapeDataString(teamId)}/channels/{Uri.EscapeDataString(channelId)}/members";
        var people = userIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var steps = people.Select((id, i) => new GraphBatchStep(
            (i + 1).ToString(CultureInfo.InvariantCulture), HttpMethod.Post, url, _graph.MemberJson(id, owner: false))).ToList();
        var outcomes = await _batch.BatchAsync(steps, cancellationToken);
        return [.. outcomes.Select((o, i) => new MemberAddOutcome(
            people[i],
            o.Succeeded && o.Body is JsonObject body ? new Membership(GraphConnection.Str(body, "id") ?? "", GraphConnection.Str(body, "userId") ?? people[i], GraphConnection.IsOwnerJson(body)) : null,
            o.Succeeded ? null : o.Failure))];
    }

    private static TeamChannel ToChannel(string teamId, Channel channel) => new(
        teamId,
        channel.Id ?? "",
        channel.DisplayName ?? "",
        channel.MembershipType switch
        {
            ChannelMembershipType.Private => ChannelKind.Private,
            ChannelMembershipType.Shared => ChannelKind.Shared,
            _ => ChannelKind.Standard,
        },
        channel.WebUrl);


    [GeneratedRegex(@"operations(?:\('(?<id>[^']+)'\)|/(?<id>[^/?]+))", RegexOptions.IgnoreCase)]
    private static partial Regex OperationIdPattern();
}
