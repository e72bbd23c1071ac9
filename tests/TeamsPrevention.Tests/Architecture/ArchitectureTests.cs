namespace TeamsPrevention.Tests.Architecture;

/// <summary>
/// The dependency rules of <c>docs/architecture.md</c>, checked on the App's compiled code: a violation fails with the
/// offending type named. <see cref="ArchitectureRuleSelfTests"/> shows each check finds a planted violation.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>
    /// Known writes by one folder to an entity another folder configures, each being removed (or kept) for the reason
    /// given. Keep this list short: a new entry needs a reason a reviewer accepts.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> KnownForeignWrites = new Dictionary<string, string>
    {
        ["Meetings writes Situation"] = "A meeting's minutes set the situation's next review (MeetingService.SaveMinutesAsync): to move behind a Situations seam, with the two below.",
        ["Meetings writes SituationAction"] = "A meeting's minutes record the situation's actions (conventions.md, \"Mend\": the Situations side should take them through a seam of its own).",
        ["Meetings writes SituationReview"] = "A meeting's minutes record the situation's review (as above).",
    };

    [Fact]
    public void OnlyBotUsesTheBotFrameworkWireFormat()
    {
        var violations = ArchitectureRules.UsesOutside(CodeScan.App, "Bot", ArchitectureRules.WireTypes);
        Assert.True(violations.Count == 0, "Only Bot/ may use the wire format; send through BotMessenger instead:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void OnlyGraphUsesTheMicrosoftGraphSdk()
    {
        var violations = ArchitectureRules.UsesOutside(CodeScan.App, "Graph", ["Microsoft.Graph.", "Microsoft.Graph", "Microsoft.Kiota."]);
        Assert.True(violations.Count == 0, "Only Graph/ may use Microsoft.Graph (the gateway returns the product's own records):\n" + string.Join('\n', violations));
    }

    [Fact]
    public void NoFolderWritesAnEntityAnotherFolderConfigures()
    {
        var entities = ArchitectureRules.AppEntities();
        Assert.Contains("TeamsPrevention.App.Alerts.AlertDelivery", entities.Keys);
        var violations = ArchitectureRules.ForeignWrites(CodeScan.App, entities, [.. KnownForeignWrites.Keys]);
        Assert.True(violations.Count == 0, "A folder writes only the entities it configures (ask their owner through a seam):\n" + string.Join('\n', violations));
    }

    [Fact]
    public void EveryKnownForeignWriteStillHappens()
    {
        // An exception that no longer matches anything is removed from the list, so the list only names live debts.
        var entities = ArchitectureRules.AppEntities();
        var all = ArchitectureRules.ForeignWrites(CodeScan.App, entities, []);
        var stale = KnownForeignWrites.Keys.Where(e => !all.Any(v => Matches(v, e))).ToList();
        Assert.True(stale.Count == 0, "These exceptions match no write any more: remove them from KnownForeignWrites:\n" + string.Join('\n', stale));
    }

    [Fact]
    public void NoFeatureShowsAMicrosoftSdkTypeInItsPublicSignature()
    {
        var violations = ArchitectureRules.SdkTypesInPublicSignatures(CodeScan.App, ArchitectureRules.Features);
        Assert.True(violations.Count == 0, "Features show only the product's own and the platform's types:\n" + string.Join('\n', violations));
    }

    /// <summary>"T (Meetings) writes X.SituationAction, …" matches the exception "Meetings writes SituationAction".</summary>
    private static bool Matches(string violation, string exception)
    {
        var parts = exception.Split(" writes ");
        return violation.Contains($"({parts[0]}) writes ", StringComparison.Ordinal) && violation.Contains($".{parts[1]}, configured by", StringComparison.Ordinal);
    }
}
