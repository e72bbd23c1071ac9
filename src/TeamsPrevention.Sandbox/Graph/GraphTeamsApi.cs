using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>
/// Teams, team members, channels (standard, private, shared with its async operation) and channel members,
/// with the rules Graph enforces (see <c>shared/reference/teams-platform.md</c>).
/// </summary>
public sealed class GraphTeamsApi(GraphStore store, IOptions<SandboxGraphOptions> options, TimeProvider time)
{
    /// <summary>The message Graph answers (400) for a channel name already used in the team, deleted channels included.</summary>
    public const string NameTakenMessage = "Channel name already existed, please use other name.";

    private static readonly char[] ForbiddenNameCharacters = ['~', '#', '%', '&', '*', '{', '}', '+', '/', '\\', ':', '<', '>', '?', '|', '\'', '"'];

    public void Map(GraphRouter router)
    {
        router.Map("GET", "teams/{teamId}", (r, v) => WithTeam(v, team => GetTeam(team)));
        router.Map("GET", "teams/{teamId}/members", (r, v) => WithTeam(v, team =>
            GraphResponse.Collection(r, $"teams('{team.Id}')/members", team.Members.Select(GraphJson.Member))));
        router.Map("POST", "teams/{teamId}/members", (r, v) => WithTeam(v, team => AddTeamMember(r, team)));
        router.Map("DELETE", "teams/{teamId}/members/{membershipId}", (r, v) => WithTeam(v, team => RemoveTeamMember(team, (string)v["membershipId"]!)));
        router.Map("GET", "teams/{teamId}/channels", (r, v) => WithTeam(v, team => ListChannels(r, team)));
        router.Map("POST", "teams/{teamId}/channels", (r, v) => WithTeam(v, team => CreateChannel(r, team)));
        router.Map("GET", "teams/{teamId}/channels/{channelId}", (r, v) => WithChannel(v, (team, channel) => GraphResponse.Ok(GraphJson.Channel(team, channel))));
        router.Map("PATCH", "teams/{teamId}/channels/{channelId}", (r, v) => WithChannel(v, (team, channel) => UpdateChannel(r, team, channel)));
        router.Map("DELETE", "teams/{teamId}/channels/{channelId}", (r, v) => WithChannel(v, (team, channel) => DeleteChannel(channel)));
        router.Map("POST", "teams/{teamId}/channels/{channelId}/archive", (r, v) => WithChannel(v, (team, channel) => ArchiveChannel(channel, archived: true)));
        router.Map("POST", "teams/{teamId}/channels/{channelId}/unarchive", (r, v) => WithChannel(v, (team, channel) => ArchiveChannel(channel, archived: false)));
        router.Map("GET", "teams/{teamId}/channels/{channelId}/members", (r, v) => WithChannel(v, (team, channel) => ListChannelMembers(r, team, channel)));
        router.Map("POST", "teams/{teamId}/channels/{channelId}/members", (r, v) => WithChannel(v, (team, channel) => AddChannelMember(r, team, channel)));
        router.Map("DELETE", "teams/{teamId}/channels/{channelId}/members/{membershipId}", (r, v) => WithChannel(v, (team, channel) =>
            channel.Members.RemoveAll(m => m.MembershipId == (string)v["membershipId"]!) == 0
                ? GraphResponse.NotFound("The member was not found in the channel.")
                : GraphResponse.NoContent()));
        router.Map("GET", "teams/{teamId}/operations/{operationId}", (r, v) => WithTeam(v, team => GetOperation(r, team, (string)v["operationId"]!)));
    }

    private GraphResponse WithTeam(RouteValueDictionary route, Func<SandboxTeam, GraphResponse> action)
    {
        var teamId = (string)route["teamId"]!;
        lock (store.Sync)
        {
            store.AdvanceOperations();
            return store.Teams.TryGetValue(teamId, out var team)
                ? action(team)
                : GraphResponse.NotFound($"No team found with Group Id {teamId}");
        }
    }

    private GraphResponse WithChannel(RouteValueDictionary route, Func<SandboxTeam, SandboxChannel, GraphResponse> action) =>
        WithTeam(route, team =>
        {
            var channelId = (string)route["channelId"]!;
            var channel = team.Channels.FirstOrDefault(c => c.IsVisible && string.Equals(c.Id, channelId, StringComparison.OrdinalIgnoreCase));
            return channel is null ? GraphResponse.NotFound($"Channel {channelId} not found in the team.") : action(team, channel);
        });

    private static GraphResponse GetTeam(SandboxTeam team) => GraphResponse.Ok(new JsonObject
    {
        ["id"] = team.Id,
        ["createdDateTime"] = GraphJson.Timestamp(team.CreatedAt),
        ["displayName"] = team.DisplayName,
        ["description"] = team.Description,
        ["internalId"] = $"19:{team.Id.Replace("-", "", StringComparison.Ordinal)}@thread.tacv2",
        ["classification"] = null,
        ["specialization"] = "none",
        ["visibility"] = "private",
        ["webUrl"] = $"https://teams.microsoft.com/l/team/{team.Id}",
        ["isArchived"] = false,
        ["tenantId"] = Tenant.DemoTenant.TenantId,
    });

    private GraphResponse AddTeamMember(GraphRequest request, SandboxTeam team)
    {
        var (userId, roles, error) = ParseMember(request.Body);
        if (error is not null)
        {
            return error;
        }

        if (team.FindMember(userId!) is not null)
        {
            return GraphResponse.Error(409, "Conflict", "The user is already a member of the team.");
        }

        var member = new SandboxMember(GraphIds.Membership(team.Id, userId!), userId!, roles);
        team.Members.Add(member);
        return GraphResponse.Created(GraphJson.Member(member));
    }

    private static GraphResponse RemoveTeamMember(SandboxTeam team, string membershipId)
    {
        var member = team.Members.FirstOrDefault(m => m.MembershipId == membershipId);
        if (member is null)
        {
            return GraphResponse.NotFound("The member was not found in the team.");
        }

        team.Members.Remove(member);

        // Leaving a team means leaving its private channels, as in Teams.
        foreach (var channel in team.Channels.Where(c => c.MembershipType == "private"))
        {
            channel.Members.RemoveAll(m => string.Equals(m.UserId, member.UserId, StringComparison.OrdinalIgnoreCase));
        }

        return GraphResponse.NoContent();
    }

    private static GraphResponse ListChannels(GraphRequest request, SandboxTeam team)
    {
        IEnumerable<SandboxChannel> channels = team.Channels.Where(c => c.IsVisible);
        if (request.Query.TryGetValue("$filter", out var filter))
        {
            var clause = GraphJson.EqualsFilter(filter);
            Func<SandboxChannel, string>? property = clause?.Property.ToLowerInvariant() switch
            {
                "displayname" => c => c.DisplayName,
                "membershiptype" => c => c.MembershipType,
                _ => null,
            };
            if (clause is null || property is null)
            {
                return GraphResponse.BadRequest("Invalid filter clause: only 'displayName eq' and 'membershipType eq' are supported.");
            }

            channels = channels.Where(c => string.Equals(property(c), clause.Value.Value, StringComparison.OrdinalIgnoreCase));
        }

        return GraphResponse.Collection(request, $"teams('{team.Id}')/channels", channels.Select(c => GraphJson.Channel(team, c)));
    }

    private GraphResponse CreateChannel(GraphRequest request, SandboxTeam team)
    {
        var settings = options.Value;
        var name = GraphJson.String(request.Body, "displayName");
        if (NameProblem(team, name, except: null) is { } nameProblem)
        {
            return nameProblem;
        }

        var type = (GraphJson.String(request.Body, "membershipType") ?? "standard").ToLowerInvariant();
        if (type is not ("standard" or "private" or "shared"))
        {
            return GraphResponse.BadRequest($"Invalid membershipType '{type}'.");
        }

        if (team.Channels.Count >= settings.MaxChannelsPerTeam)
        {
            return GraphResponse.BadRequest($"The team has reached the maximum number of channels ({settings.MaxChannelsPerTeam}, deleted channels included).");
        }

        var typeCap = type == "private" ? settings.MaxPrivateChannelsPerTeam : settings.MaxSharedChannelsPerTeam;
        if (type != "standard" && team.Channels.Count(c => c.MembershipType == type) >= typeCap)
        {
            return GraphResponse.BadRequest($"The team has reached the maximum number of {type} channels ({typeCap}, deleted channels included).");
        }

        var memberNodes = request.Body?["members"] as JsonArray ?? [];
        if (type == "private" && memberNodes.Count > settings.MaxMembersInChannelCreate)
        {
            return GraphResponse.BadRequest($"A maximum of {settings.MaxMembersInChannelCreate} members can be added when creating a private channel.");
        }

        var members = new List<SandboxMember>();
        var channelId = GraphIds.NewChannelId();
        foreach (var node in memberNodes)
        {
            var (userId, roles, error) = ParseMember(node);
            if (error is not null)
            {
                return error;
            }

            if (members.Any(m => string.Equals(m.UserId, userId, StringComparison.OrdinalIgnoreCase)))
            {
                return GraphResponse.BadRequest($"The user {userId} appears more than once in members.");
            }

            if (type == "private" && team.FindMember(userId!) is null)
            {
                return GraphResponse.BadRequest("User is not found in the team.");
            }

            members.Add(new SandboxMember(GraphIds.Membership(channelId, userId!), userId!, roles));
        }

        switch (type)
        {
            case "standard" when members.Count > 0:
                return GraphResponse.BadRequest("Members can only be specified for private and shared channels.");
            case "private" when request.Caller.IsAppOnly && !members.Any(m => m.IsOwner):
                return GraphResponse.BadRequest("A private channel created in application context must have an owner (a member with the role 'owner').");
            case "shared" when members.Count != 1 || !members[0].IsOwner:
                return GraphResponse.BadRequest("A shared channel must be created with exactly one member, its owner.");
        }

        var channel = new SandboxChannel(channelId, name!.Trim(), type, time.GetUtcNow())
        {
            Description = GraphJson.String(request.Body, "description"),
            IsProvisioned = type != "shared",
        };
        channel.Members.AddRange(members);
        team.Channels.Add(channel);

        if (type != "shared")
        {
            return GraphResponse.Created(GraphJson.Channel(team, channel));
        }

        var now = time.GetUtcNow();
        var operation = new SandboxTeamsOperation(Guid.NewGuid().ToString(), team.Id, channel.Id, now, now + settings.SharedChannelProvisioningDelay);
        team.Operations[operation.Id] = operation;
        var accepted = new GraphResponse(202);
        accepted.Headers["Location"] = $"/teams('{team.Id}')/operations('{operation.Id}')";
        accepted.Headers["Content-Location"] = accepted.Headers["Location"];
        return accepted;
    }

    private GraphResponse? NameProblem(SandboxTeam team, string? name, SandboxChannel? except)
    {
        var maxLength = options.Value.MaxChannelNameLength;
        if (string.IsNullOrWhiteSpace(name))
        {
            return GraphResponse.BadRequest("Channel name cannot be empty.");
        }

        name = name.Trim();
        if (name.Length > maxLength)
        {
            return GraphResponse.BadRequest($"Channel name length cannot exceed {maxLength} characters.");
        }

        if (name.IndexOfAny(ForbiddenNameCharacters) >= 0 || name.StartsWith('_') || name.StartsWith('.') || name.EndsWith('.'))
        {
            return GraphResponse.BadRequest("Channel name contains invalid characters.");
        }

        // Deleted channels keep their name (Teams holds it until the channel is purged).
        return team.Channels.Any(c => c != except && string.Equals(c.DisplayName, name, StringComparison.OrdinalIgnoreCase))
            ? GraphResponse.BadRequest(NameTakenMessage)
            : null;
    }

    /// <summary>
    /// <c>channel: archive</c> / <c>unarchive</c>: 202 Accepted (Graph runs it as an operation; the sandbox completes it at
    /// once). The General channel cannot be archived on its own; a channel with no owner cannot be archived.
    /// </summary>
    private static GraphResponse ArchiveChannel(SandboxChannel channel, bool archived)
    {
        if (channel.IsGeneral)
        {
            return GraphResponse.BadRequest("The General channel cannot be archived on its own: archive the team.");
        }

        if (archived && channel.MembershipType != "standard" && !channel.Members.Any(m => m.IsOwner))
        {
            return GraphResponse.BadRequest("A channel without an owner can't be archived.");
        }

        channel.IsArchived = archived;
        return GraphResponse.Accepted();
    }

    private GraphResponse UpdateChannel(GraphRequest request, SandboxTeam team, SandboxChannel channel)
    {
        if (channel.IsArchived)
        {
            return GraphResponse.BadRequest("The channel is archived: its settings cannot be changed.");
        }

        var name = GraphJson.String(request.Body, "displayName");
        if (name is not null)
        {
            if (channel.IsGeneral)
            {
                return GraphResponse.BadRequest("The General channel cannot be renamed.");
            }

            if (NameProblem(team, name, except: channel) is { } problem)
            {
                return problem;
            }

            channel.DisplayName = name.Trim();
        }

        if (request.Body?["description"] is not null)
        {
            channel.Description = GraphJson.String(request.Body, "description");
        }

        return GraphResponse.NoContent();
    }

    private static GraphResponse DeleteChannel(SandboxChannel channel)
    {
        if (channel.IsGeneral)
        {
            return GraphResponse.BadRequest("The General channel cannot be deleted.");
        }

        channel.IsDeleted = true;
        return GraphResponse.NoContent();
    }

    private static GraphResponse ListChannelMembers(GraphRequest request, SandboxTeam team, SandboxChannel channel)
    {
        var members = channel.MembershipType == "standard" ? team.Members : channel.Members;
        return GraphResponse.Collection(request, $"teams('{team.Id}')/channels('{channel.Id}')/members", members.Select(GraphJson.Member));
    }

    private GraphResponse AddChannelMember(GraphRequest request, SandboxTeam team, SandboxChannel channel)
    {
        if (channel.MembershipType == "standard")
        {
            return GraphResponse.BadRequest("Operation not supported for this Channel.");
        }

        var (userId, roles, error) = ParseMember(request.Body);
        if (error is not null)
        {
            return error;
        }

        if (channel.MembershipType == "private" && team.FindMember(userId!) is null)
        {
            return GraphResponse.BadRequest("User is not found in the team.");
        }

        if (channel.Members.Any(m => string.Equals(m.UserId, userId, StringComparison.OrdinalIgnoreCase)))
        {
            return GraphResponse.Error(409, "Conflict", "The user is already a member of the channel.");
        }

        var cap = channel.MembershipType == "private" ? options.Value.MaxPrivateChannelMembers : options.Value.MaxSharedChannelMembers;
        if (channel.Members.Count >= cap)
        {
            return GraphResponse.BadRequest($"The channel has reached the maximum number of members ({cap}).");
        }

        var member = new SandboxMember(GraphIds.Membership(channel.Id, userId!), userId!, roles);
        channel.Members.Add(member);
        return GraphResponse.Created(GraphJson.Member(member));
    }

    private GraphResponse GetOperation(GraphRequest request, SandboxTeam team, string operationId)
    {
        if (!team.Operations.TryGetValue(operationId, out var operation))
        {
            return GraphResponse.NotFound($"Operation {operationId} not found.");
        }

        var now = time.GetUtcNow();
        var status = now >= operation.ReadyAt ? "succeeded" : now > operation.CreatedAt ? "inProgress" : "notStarted";
        var done = status == "succeeded";
        return GraphResponse.Ok(new JsonObject
        {
            ["@odata.context"] = new Uri(request.GraphBase, $"$metadata#teams('{team.Id}')/operations/$entity").ToString(),
            ["id"] = operation.Id,
            ["operationType"] = "createChannel",
            ["createdDateTime"] = GraphJson.Timestamp(operation.CreatedAt),
            ["status"] = status,
            ["lastActionDateTime"] = GraphJson.Timestamp(done ? operation.ReadyAt : now),
            ["attemptsCount"] = 1,
            ["targetResourceId"] = done ? operation.ChannelId : null,
            ["targetResourceLocation"] = done ? $"/teams('{team.Id}')/channels('{operation.ChannelId}')" : null,
            ["error"] = null,
        });
    }

    /// <summary>An <c>aadUserConversationMember</c> from a request body: the bound user and the roles.</summary>
    private (string? UserId, List<string> Roles, GraphResponse? Error) ParseMember(JsonNode? body)
    {
        if (body is not JsonObject)
        {
            return (null, [], GraphResponse.BadRequest("The request body must be a conversationMember."));
        }

        if (!string.Equals(GraphJson.String(body, "@odata.type"), GraphJson.MemberType, StringComparison.OrdinalIgnoreCase))
        {
            return (null, [], GraphResponse.BadRequest("'odata.type' must be specified in the request body (#microsoft.graph.aadUserConversationMember)."));
        }

        var bound = GraphJson.BoundUserId(GraphJson.String(body, "user@odata.bind"));
        if (bound is null)
        {
            return (null, [], GraphResponse.BadRequest("'user@odata.bind' must name a user."));
        }

        if (store.FindUser(bound) is not { } user)
        {
            return (null, [], GraphUsersApi.UserNotFound(bound));
        }

        var roles = (body["roles"] as JsonArray ?? []).Select(r => r?.GetValue<string>() ?? "").ToList();
        if (roles.Any(r => !string.Equals(r, "owner", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, [], GraphResponse.BadRequest("Invalid role: only 'owner' can be given (an empty list makes a member)."));
        }

        return (user.ObjectId, [.. roles.Select(r => r.ToLowerInvariant())], null);
    }
}
