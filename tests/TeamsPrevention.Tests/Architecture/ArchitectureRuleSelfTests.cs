namespace TeamsPrevention.Tests.Architecture;

/// <summary>Each architecture check, run on planted violations (<c>PlantedViolations.cs</c>), finds and names them.</summary>
public sealed class ArchitectureRuleSelfTests
{
    private static readonly CodeScan Planted = new(typeof(ArchitectureRuleSelfTests).Assembly.Location, "TeamsPrevention.Tests.Architecture.Planted");

    [Fact]
    public void TheWireFormatCheckNamesATypeOutsideBotThatBuildsAnActivity()
    {
        var violations = ArchitectureRules.UsesOutside(Planted, "Bot", ArchitectureRules.WireTypes);
        Assert.Contains("TeamsPrevention.Tests.Architecture.Planted.Meetings.PlantedActivityBuilder uses TeamsPrevention.App.Bot.Activity", violations);
    }

    [Fact]
    public void TheGraphCheckNamesATypeOutsideGraphThatUsesTheSdk()
    {
        var violations = ArchitectureRules.UsesOutside(Planted, "Graph", ["Microsoft.Graph.", "Microsoft.Graph", "Microsoft.Kiota."]);
        Assert.Contains("TeamsPrevention.Tests.Architecture.Planted.Meetings.PlantedGraphUser uses Microsoft.Graph.Models.User", violations);
    }

    [Fact]
    public void TheSignatureCheckNamesAFeatureTypeShowingAnSdkType()
    {
        var violations = ArchitectureRules.SdkTypesInPublicSignatures(Planted, ["Meetings"]);
        Assert.Equal(["TeamsPrevention.Tests.Architecture.Planted.Meetings.PlantedGraphUser shows Microsoft.Graph.Models.User"], violations);
    }

    [Fact]
    public void TheWriteCheckNamesAFolderWritingAnotherFoldersEntityUnlessItIsAKnownException()
    {
        var entities = ArchitectureRules.AppEntities();

        var violations = ArchitectureRules.ForeignWrites(Planted, entities, []);
        var excused = ArchitectureRules.ForeignWrites(Planted, entities, ["Meetings writes AlertDelivery"]);

        var violation = Assert.Single(violations);
        Assert.StartsWith("TeamsPrevention.Tests.Architecture.Planted.Meetings.PlantedForeignWriter (Meetings) writes TeamsPrevention.App.Alerts.AlertDelivery, configured by Alerts", violation, StringComparison.Ordinal);
        Assert.Empty(excused);
    }
}
