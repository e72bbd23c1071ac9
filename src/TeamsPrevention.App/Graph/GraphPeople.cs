using Microsoft.Graph.Models;

namespace TeamsPrevention.App.Graph;

/// <summary>
/// The tenant's people: users of the directory and members of teams (Graph <c>/users</c>, <c>/teams/{id}/members</c>).
/// </summary>
public sealed class GraphPeople(GraphConnection graph)
{
    private readonly GraphConnection _graph = graph;
    private static readonly string[] UserFields = ["id", "displayName", "userPrincipalName", "mail", "preferredLanguage", "jobTitle"];

    // ---------------------------------------------------------------- users

    public Task<IReadOnlyList<TenantUser>> ListUsersAsync(CancellationToken cancellationToken) =>
        _graph.CallAsync<IReadOnlyList<TenantUser>>("list users", async () =>
        {
            var users = new List<TenantUser>();
            var page = await _graph.Client.Users.GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken);
            while (page is not null)
            {
                users.AddRange((page.Value ?? []).Select(ToUser));
                page = page.OdataNextLink is { } next ? await _graph.Client.Users.WithUrl(next).GetAsync(cancellationToken: cancellationToken) : null;
            }

            return users;
        }, cancellationToken);

    /// <summary>A user by object id or user principal name; null when the directory has none.</summary>
    public async Task<TenantUser?> GetUserAsync(string idOrUserPrincipalName, CancellationToken cancellationToken)
    {
        try
        {
            return await _graph.CallAsync("get user", async () =>
                ToUser((await _graph.Client.Users[idOrUserPrincipalName].GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken))!),
                cancellationToken);
        }
        catch (GraphGatewayException e) when (e.Kind == GraphFailure.NotFound)
        {
            return null;
        }
    }

    // ---------------------------------------------------------------- team members

    public Task<IReadOnlyList<Membership>> ListTeamMembersAsync(string teamId, CancellationToken cancellationToken) =>
        _graph.CallAsync<IReadOnlyList<Membership>>("list team members", async () =>
        {
            var members = new List<Membership>();
            var page = await _graph.Client.Teams[teamId].Members.GetAsync(cancellationToken: cancellationToken);
            while (page is not null)
            {
                members.AddRange((page.Value ?? []).Select(GraphConnection.ToMembership));
                page = page.OdataNextLink is { } next ? await _graph.Client.Teams[teamId].Members.WithUrl(next).GetAsync(cancellationToken: cancellationToken) : null;
            }

            return members;
        }, cancellationToken);

    public Task<Membership> AddTeamMemberAsync(string teamId, string userId, bool asOwner, CancellationToken cancellationToken) =>
        _graph.CallAsync("add team member", async () =>
            GraphConnection.ToMembership((await _graph.Client.Teams[teamId].Members.PostAsync(_graph.NewMember(userId, asOwner), cancellationToken: cancellationToken))!),
            cancellationToken);

    public Task RemoveTeamMemberAsync(string teamId, string membershipId, CancellationToken cancellationToken) =>
        _graph.CallAsync("remove team member", async () =>
        {
            await _graph.Client.Teams[teamId].Members[membershipId].DeleteAsync(cancellationToken: cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>The person's team membership, adding them as a member first if they have none.</summary>
    public async Task<Membership> EnsureTeamMemberAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        var existing = (await ListTeamMembersAsync(teamId, cancellationToken)).FirstOrDefault(m => GraphConnection.SameId(m.UserId, userId));
        if (existing is not null)
        {
            return existing;
        }

        try
        {
            return await AddTeamMemberAsync(teamId, userId, asOwner: false, cancellationToken);
        }
        catch (GraphGatewayException e) when (e.Kind == GraphFailure.Conflict)
        {
            // Added by someone else meanwhile.
            return (await ListTeamMembersAsync(teamId, cancellationToken)).First(m => GraphConnection.SameId(m.UserId, userId));
        }
    }

    private static TenantUser ToUser(User user) =>
        new(user.Id ?? "", user.DisplayName ?? "", user.UserPrincipalName, user.Mail, user.PreferredLanguage, user.JobTitle);

}
