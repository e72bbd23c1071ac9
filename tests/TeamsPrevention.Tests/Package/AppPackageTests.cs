using System.Text.Json.Nodes;

namespace TeamsPrevention.Tests.Package;

/// <summary>
/// The Teams app package as <c>node appPackage/build.mjs --env X --out dir</c> writes it: valid against the official
/// schema (npm @microsoft/app-manifest, offline), every placeholder filled from the environment, the icons Teams
/// wants, the bot, both tabs, single sign-on and the four languages; and the build refuses what Teams would refuse.
/// </summary>
public sealed class AppPackageTests(BuiltAppPackages built) : IClassFixture<BuiltAppPackages>, IDisposable
{
    private static readonly string[] ExpectedFiles =
        ["color.png", "de.json", "en.json", "fr.json", "manifest.json", "nl.json", "outline.png"];

    private readonly string _temp = Path.Combine(Path.GetTempPath(), "tp-tests", "pkg-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Environments => new() { "sandbox", "production" };

    [Theory]
    [MemberData(nameof(Environments))]
    public void BuildsASchemaValidZipForEachEnvironment(string env)
    {
        var result = built[env];

        Assert.True(result.ExitCode == 0 && result.Ok, result.ToString());
        Assert.Empty(result.Errors);
        Assert.Equal("1.25", result.Report["manifestVersion"]!.GetValue<string>());
        Assert.Equal("teams/v1.25/MicrosoftTeams.schema.json", result.Report["schema"]!.GetValue<string>());
        Assert.Equal(Path.Combine(built.OutDirectory, $"appPackage.{env}.zip"), result.Report["zip"]!.GetValue<string>());
        var contents = AppPackageContents.Open(result.ZipPath);
        Assert.Equal(ExpectedFiles, contents.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ExpectedFiles, result.Report["entries"]!.AsArray().Select(e => e!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.25/MicrosoftTeams.schema.json", contents.Manifest["$schema"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ShipsIconsOfTeamsSizesWithAWhiteOnTransparentOutline(string env)
    {
        var contents = AppPackageContents.Open(built[env].ZipPath);
        var icons = contents.Manifest["icons"]!;

        var colour = PngImage.Decode(contents.Files[icons["color"]!.GetValue<string>()]);
        var outline = PngImage.Decode(contents.Files[icons["outline"]!.GetValue<string>()]);

        Assert.Equal((192, 192), (colour.Width, colour.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        var pixels = Enumerable.Range(0, 32 * 32).Select(i => outline.Pixel(i % 32, i / 32)).ToList();
        Assert.All(pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"outline pixel {p} is neither white nor transparent"));
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
    }

    [Fact]
    public async Task CommittedIconsAreWhatTheIconScriptDraws()
    {
        await AppPackageBuild.DrawIconsAsync(_temp);

        foreach (var name in (string[])["color.png", "outline.png"])
        {
            var drawn = PngImage.Decode(await File.ReadAllBytesAsync(Path.Combine(_temp, name)));
            var committed = PngImage.Decode(await File.ReadAllBytesAsync(Path.Combine(AppPackageBuild.Directory, name)));
            Assert.Equal((drawn.Width, drawn.Height), (committed.Width, committed.Height));
            Assert.True(drawn.Rgba.AsSpan().SequenceEqual(committed.Rgba), $"{name} differs from what make-icons.mjs draws: run it again");
        }
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void FillsEveryPlaceholderWithTheEnvironmentsValues(string env)
    {
        var contents = AppPackageContents.Open(built[env].ZipPath);
        var values = EnvironmentValues(env);
        var manifest = contents.Manifest;

        foreach (var name in contents.Files.Keys.Where(n => n.EndsWith(".json", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("${{", contents.Text(name), StringComparison.Ordinal);
        }

        Assert.Contains("${{BOT_ID}}", File.ReadAllText(Path.Combine(AppPackageBuild.Directory, "manifest.json")), StringComparison.Ordinal);
        Assert.Equal(values["TEAMS_APP_ID"], manifest["id"]!.GetValue<string>());
        Assert.Equal(values["APP_VERSION"], manifest["version"]!.GetValue<string>());
        Assert.Equal(values["BOT_ID"], manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("TeamsPrevention" + values["ENV_SUFFIX"], manifest["name"]!["short"]!.GetValue<string>());
        Assert.Equal("TeamsPrevention" + values["ENV_SUFFIX"], contents.Json("nl.json")["name.short"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DeclaresTheBotInPersonalTeamAndGroupChatScopes(string env)
    {
        var bot = AppPackageContents.Open(built[env].ZipPath).Manifest["bots"]!.AsArray().Single()!;

        Assert.Equal(["groupChat", "personal", "team"], Strings(bot["scopes"]).Order(StringComparer.Ordinal));
        var lists = bot["commandLists"]!.AsArray();
        Assert.Equal(["personal"], Strings(lists[0]!["scopes"]));
        Assert.Equal(["groupChat", "team"], Strings(lists[1]!["scopes"]).Order(StringComparer.Ordinal));
        Assert.Contains("aide", lists[0]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DeclaresThePersonalDashboardAndTheConfigurableChannelTab(string env)
    {
        var manifest = AppPackageContents.Open(built[env].ZipPath).Manifest;
        var host = EnvironmentValues(env)["APP_HOST"];

        var dashboard = manifest["staticTabs"]!.AsArray().Single(t => t!["entityId"]!.GetValue<string>() == "dashboard")!;
        Assert.Equal($"https://{host}/", dashboard["contentUrl"]!.GetValue<string>());
        Assert.Equal(["personal"], Strings(dashboard["scopes"]));
        var channelTab = manifest["configurableTabs"]!.AsArray().Single()!;
        Assert.Equal($"https://{host}/#/configure", channelTab["configurationUrl"]!.GetValue<string>());
        Assert.True(channelTab["canUpdateConfiguration"]!.GetValue<bool>());
        // A situation's tab lives in a channel of the cell's team only: never in a group chat.
        Assert.Equal(["team"], Strings(channelTab["scopes"]));
        Assert.Equal("tier1", manifest["supportsChannelFeatures"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void ListsAndShipsTranslationsForFrenchDutchGermanAndEnglish(string env)
    {
        var contents = AppPackageContents.Open(built[env].ZipPath);
        var info = contents.Manifest["localizationInfo"]!;

        Assert.Equal("fr", info["defaultLanguageTag"]!.GetValue<string>());
        var files = new Dictionary<string, string> { ["fr"] = info["defaultLanguageFile"]!.GetValue<string>() };
        foreach (var language in info["additionalLanguages"]!.AsArray())
        {
            files.Add(language!["languageTag"]!.GetValue<string>(), language["file"]!.GetValue<string>());
        }

        Assert.Equal(["de", "en", "fr", "nl"], files.Keys.Order(StringComparer.Ordinal));
        var descriptions = files.Values.Select(f => contents.Json(f)["description.short"]!.GetValue<string>()).ToList();
        Assert.Equal(4, descriptions.Distinct().Count());
        Assert.Equal(contents.Manifest["description"]!["short"]!.GetValue<string>(), contents.Json(files["fr"])["description.short"]!.GetValue<string>());
        Assert.Equal("Übersicht", contents.Json(files["de"])["staticTabs[0].name"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void NamesTheAppHostInValidDomainsAndTheSingleSignOnResource(string env)
    {
        var manifest = AppPackageContents.Open(built[env].ZipPath).Manifest;
        var values = EnvironmentValues(env);

        Assert.Contains(values["APP_HOST"], Strings(manifest["validDomains"]));
        Assert.Equal(values["BOT_ID"], manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal($"api://{values["APP_HOST"]}/{values["BOT_ID"]}", manifest["webApplicationInfo"]!["resource"]!.GetValue<string>());
    }

    [Fact]
    public void WarnsWhileProductionIdsAreTheExamples()
    {
        var warnings = built["production"].Warnings;

        Assert.Contains(warnings, w => w.Contains("TP_BOT_ID", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("TP_APP_HOST", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("TP_TEAMS_APP_ID", StringComparison.Ordinal));
        Assert.Empty(built["sandbox"].Warnings);
    }

    [Fact]
    public async Task TakesProductionIdsFromEnvironmentVariables()
    {
        var variables = new Dictionary<string, string>
        {
            ["TP_TEAMS_APP_ID"] = "5d7c1e2a-8f34-4b6d-9a0e-2c4b6d8f0a13",
            ["TP_BOT_ID"] = "c2e4a6b8-1d3f-4a5c-8e7b-9d0f1a2b3c4d",
            ["TP_APP_HOST"] = "prevention.ville.example",
            ["TP_APP_VERSION"] = "1.4.2",
        };

        var result = await AppPackageBuild.RunAsync("production", _temp, ["--strict"], variables);

        Assert.True(result.ExitCode == 0 && result.Ok, result.ToString());
        Assert.Empty(result.Warnings);
        var manifest = AppPackageContents.Open(result.ZipPath).Manifest;
        Assert.Equal("5d7c1e2a-8f34-4b6d-9a0e-2c4b6d8f0a13", manifest["id"]!.GetValue<string>());
        Assert.Equal("1.4.2", manifest["version"]!.GetValue<string>());
        Assert.Equal("api://prevention.ville.example/c2e4a6b8-1d3f-4a5c-8e7b-9d0f1a2b3c4d", manifest["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.Equal("https://prevention.ville.example/", manifest["staticTabs"]![0]!["contentUrl"]!.GetValue<string>());
        Assert.Equal("TP_BOT_ID", result.Report["values"]!["BOT_ID"]!["from"]!.GetValue<string>());
    }

    [Fact]
    public async Task RefusesAStrictProductionBuildWithTheExampleIds()
    {
        var result = await AppPackageBuild.RunAsync("production", _temp, ["--strict"]);

        Assert.Equal(1, result.ExitCode);
        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.Contains("TP_BOT_ID", StringComparison.Ordinal));
        Assert.False(File.Exists(result.ZipPath));
    }

    [Fact]
    public async Task RefusesAValueOfTheWrongShape()
    {
        var result = await AppPackageBuild.RunAsync("sandbox", _temp, environment: new Dictionary<string, string> { ["TP_APP_HOST"] = "https://prevention.example/" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Errors, e => e.StartsWith("APP_HOST (TP_APP_HOST) must be a host name", StringComparison.Ordinal));
        Assert.False(File.Exists(result.ZipPath));
    }

    [Fact]
    public async Task RefusesAMisspeltScope()
    {
        var source = CopySources();
        var manifest = Path.Combine(source, "manifest.json");
        var original = await File.ReadAllTextAsync(manifest);
        var misspelt = original.Replace("\"scopes\": [\"personal\", \"team\", \"groupChat\"]", "\"scopes\": [\"personal\", \"team\", \"groupchat\"]", StringComparison.Ordinal);
        Assert.NotEqual(original, misspelt);
        await File.WriteAllTextAsync(manifest, misspelt);

        var result = await AppPackageBuild.RunAsync("sandbox", Path.Combine(_temp, "out"), ["--source", source]);

        Assert.Equal(1, result.ExitCode);
        Assert.False(result.Ok);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("manifest.json schema: /bots/0/scopes/2 must be equal to one of the allowed values", error, StringComparison.Ordinal);
        Assert.Contains("groupChat", error, StringComparison.Ordinal);
        Assert.False(File.Exists(result.ZipPath));
    }

    [Fact]
    public async Task RefusesAnOutlineIconThatIsNotWhiteOnTransparent()
    {
        var source = CopySources();
        File.Copy(Path.Combine(source, "color.png"), Path.Combine(source, "outline.png"), overwrite: true);

        var result = await AppPackageBuild.RunAsync("sandbox", Path.Combine(_temp, "out"), ["--source", source]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Errors, e => e.Contains("is 192×192, must be 32×32", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("must be white on a transparent background", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusesAPlaceholderWithoutValue()
    {
        var source = CopySources();
        var manifest = Path.Combine(source, "manifest.json");
        var original = await File.ReadAllTextAsync(manifest);
        var changed = original.Replace("https://www.namur.example/csil-r\"", "https://${{CITY_HOST}}/csil-r\"", StringComparison.Ordinal);
        Assert.NotEqual(original, changed);
        await File.WriteAllTextAsync(manifest, changed);

        var result = await AppPackageBuild.RunAsync("sandbox", Path.Combine(_temp, "out"), ["--source", source]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("manifest.json: no value for placeholder ${{CITY_HOST}}", result.Errors);
        Assert.False(File.Exists(result.ZipPath));
    }

    [Fact]
    public async Task RefusesALocalizationFileBeyondItsSchema()
    {
        var source = CopySources();
        var german = Path.Combine(source, "localization", "de.json");
        var strings = JsonNode.Parse(await File.ReadAllTextAsync(german))!.AsObject();
        strings["name.short"] = "TeamsPrevention — Präventionszelle";
        await File.WriteAllTextAsync(german, strings.ToJsonString());

        var result = await AppPackageBuild.RunAsync("sandbox", Path.Combine(_temp, "out"), ["--source", source]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Errors, e => e.StartsWith("de.json schema: /name.short must NOT have more than 30 characters", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_temp, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // The test wrote nothing.
        }
    }

    private string CopySources()
    {
        var source = Path.Combine(_temp, "source");
        AppPackageBuild.CopySources(source);
        return source;
    }

    private static Dictionary<string, string> EnvironmentValues(string env)
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(AppPackageBuild.Directory, "env", $"{env}.json")))!;
        return file["values"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(e => e!.GetValue<string>())];
}
