using System.Text.Json.Nodes;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary><c>/users</c> and a user's installed Teams apps (<c>/users/{id}/teamwork/installedApps</c>).</summary>
public sealed class GraphUsersApi(GraphStore store, SandboxState state)
{
    public void Map(GraphRouter router)
    {
        router.Map("GET", "users", ListUsers);
        router.Map("GET", "users/{userId}", GetUser);
        router.Map("GET", "users/{userId}/teamwork/installedApps", ListInstalledApps);
        router.Map("POST", "users/{userId}/teamwork/installedApps", InstallApp);
        router.Map("DELETE", "users/{userId}/teamwork/installedApps/{installationId}", UninstallApp);
    }

    /// <summary>Directory's answer for an unknown user (the same text Graph gives).</summary>
    public static GraphResponse UserNotFound(string id) =>
        GraphResponse.Error(404, "Request_ResourceNotFound",
            $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    private GraphResponse ListUsers(GraphRequest request, RouteValueDictionary route)
    {
        IEnumerable<DemoPersona> users = store.Users;
        if (request.Query.TryGetValue("$filter", out var filter))
        {
            var clause = GraphJson.EqualsFilter(filter);
            Func<DemoPersona, string>? property = clause?.Property.ToLowerInvariant() switch
            {
                "id" => p => p.ObjectId,
                "userprincipalname" or "mail" => p => p.UserPrincipalName,
                "displayname" => p => p.DisplayName,
                _ => null,
            };
            if (clause is null || property is null)
            {
                return GraphResponse.Error(400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause specified.");
            }

            users = users.Where(u => string.Equals(property(u), clause.Value.Value, StringComparison.OrdinalIgnoreCase));
        }

        return GraphResponse.Collection(request, "users", users.Select(GraphJson.User));
    }

    private GraphResponse GetUser(GraphRequest request, RouteValueDictionary route)
    {
        var id = (string)route["userId"]!;
        var user = store.FindUser(id);
        return user is null ? UserNotFound(id) : GraphResponse.Ok(GraphJson.User(user));
    }

    private GraphResponse ListInstalledApps(GraphRequest request, RouteValueDictionary route)
    {
        var id = (string)route["userId"]!;
        if (store.FindUser(id) is not { } user)
        {
            return UserNotFound(id);
        }

        var expand = request.Query.TryGetValue("$expand", out var e) && e.Contains("teamsApp", StringComparison.OrdinalIgnoreCase);
        string? appFilter = null;
        if (request.Query.TryGetValue("$filter", out var filter))
        {
            var clause = GraphJson.EqualsFilter(filter);
            if (clause is null || !string.Equals(clause.Value.Property, "teamsApp/id", StringComparison.OrdinalIgnoreCase))
            {
                return GraphResponse.BadRequest("Invalid filter clause.");
            }

            appFilter = clause.Value.Value;
        }

        lock (store.Sync)
        {
            var apps = store.InstalledApps
                .Where(a => a.UserId == user.ObjectId)
                .Where(a => appFilter is null || string.Equals(a.TeamsAppId, appFilter, StringComparison.OrdinalIgnoreCase))
                .Select(a =>
                {
                    var json = new JsonObject { ["id"] = a.Id };
                    if (expand)
                    {
                        json["teamsApp"] = new JsonObject { ["id"] = a.TeamsAppId, ["distributionMethod"] = "organization" };
                    }

                    return (JsonNode)json;
                })
                .ToList();
            return GraphResponse.Collection(request, $"users('{user.ObjectId}')/teamwork/installedApps", apps);
        }
    }

    private GraphResponse InstallApp(GraphRequest request, RouteValueDictionary route)
    {
        var id = (string)route["userId"]!;
        if (store.FindUser(id) is not { } user)
        {
            return UserNotFound(id);
        }

        var appId = GraphJson.BoundId(GraphJson.String(request.Body, "teamsApp@odata.bind"), "teamsApps");
        if (appId is null)
        {
            return GraphResponse.BadRequest("The request body must bind a teamsApp (teamsApp@odata.bind).");
        }

        lock (store.Sync)
        {
            if (store.InstalledApps.Any(a => a.UserId == user.ObjectId && string.Equals(a.TeamsAppId, appId, StringComparison.OrdinalIgnoreCase)))
            {
                state.InstallApp(request.Caller.TenantId, user.ObjectId, request.Caller.AppId);
                return GraphResponse.Error(409, "Conflict", "App is already installed.");
            }

            store.InstalledApps.Add(new SandboxInstalledApp(GraphIds.Installation(user.ObjectId, appId), user.ObjectId, appId));

            // The calling app's bot is now in the person's roster: the Bot Connector accepts messages to them.
            state.InstallApp(request.Caller.TenantId, user.ObjectId, request.Caller.AppId);
            return new GraphResponse(201);
        }
    }

    private GraphResponse UninstallApp(GraphRequest request, RouteValueDictionary route)
    {
        var id = (string)route["userId"]!;
        if (store.FindUser(id) is not { } user)
        {
            return UserNotFound(id);
        }

        lock (store.Sync)
        {
            var removed = store.InstalledApps.RemoveAll(a => a.UserId == user.ObjectId && a.Id == (string)route["installationId"]!);
            return removed == 0 ? GraphResponse.NotFound("The installed app was not found.") : GraphResponse.NoContent();
        }
    }
}
