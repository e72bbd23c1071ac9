using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Alerts;
using TeamsPrevention.App.Data;

// Code that breaks each rule on purpose, for ArchitectureRuleSelfTests: never called.
namespace TeamsPrevention.Tests.Architecture.Planted.Meetings;

/// <summary>Builds an activity itself instead of going through the messenger.</summary>
internal static class PlantedActivityBuilder
{
    public static object Build() => new App.Bot.Activity { Type = "message", Text = "planted" };
}

/// <summary>Talks to Microsoft Graph's SDK itself, and shows its type in a public signature.</summary>
public static class PlantedGraphUser
{
    public static Microsoft.Graph.Models.User Find() => new() { DisplayName = "planted" };
}

/// <summary>Writes the alerts' outbox from the meetings' folder.</summary>
internal static class PlantedForeignWriter
{
    public static Task<int> CancelAsync(AppDbContext db) => db.Set<AlertDelivery>().ExecuteDeleteAsync();
}
