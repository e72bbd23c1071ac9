using Microsoft.Graph.Models;

namespace TeamsPrevention.App.Graph;

/// <summary>
/// The product's Teams app in people's personal scope (so the bot can write to them first).
/// </summary>
public sealed class GraphInstallation(GraphConnection graph)
{
    private readonly GraphConnection _graph = graph;

    // ---------------------------------------------------------------- apps

    /// <summary>Installs the app (catalog id) in the user's personal scope; false when it was already installed.</summary>
    public async Task<bool> InstallAppForUserAsync(string userId, string teamsAppId, CancellationToken cancellationToken)
    {
        var installation = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = $"{_graph.BaseUrl}/appCatalogs/teamsApps/{teamsAppId}" },
        };
        try
        {
            await _graph.CallAsync("install app for user", async () =>
                await _graph.Client.Users[userId].Teamwork.InstalledApps.PostAsync(installation, cancellationToken: cancellationToken), cancellationToken);
            return true;
        }
        catch (GraphGatewayException e) when (e.Kind == GraphFailure.Conflict)
        {
            return false;
        }
    }

}
