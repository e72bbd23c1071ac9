using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Package;

/// <summary>
/// The command lists Teams shows under the compose box are the bot's real commands: in each language file, every
/// title is a keyword the App's own <see cref="IBotCommand"/>s (or help) answer to in that language, and the personal
/// list names every command the App registers.
/// </summary>
public sealed partial class AppPackageCommandTests
{
    public static TheoryData<string, UserLanguage> Languages => new()
    {
        { "fr", UserLanguage.Fr },
        { "nl", UserLanguage.Nl },
        { "de", UserLanguage.De },
        { "en", UserLanguage.En },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public void CommandTitlesAreTheBotsOwnKeywords(string tag, UserLanguage language)
    {
        var keywords = RegisteredKeywords(language);
        var lists = CommandTitles(tag);

        Assert.Equal(2, lists.Count);
        Assert.All(lists.SelectMany(l => l.Value), title => Assert.Contains(title, keywords, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(keywords.Order(StringComparer.OrdinalIgnoreCase), lists[0].Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void TemplateCommandsAreTheFrenchOnes()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(AppPackageBuild.Directory, "manifest.json")))!;
        var french = CommandTitles("fr");

        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var i = 0; i < lists.Count; i++)
        {
            Assert.Equal(french[i], lists[i]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        }
    }

    private static List<string> RegisteredKeywords(UserLanguage language)
    {
        using var app = new AppFactory();
        using var scope = app.Services.CreateScope();
        var commands = scope.ServiceProvider.GetServices<IBotCommand>().ToList();
        Assert.NotEmpty(commands);
        return [BotTexts.For(language).HelpKeyword, .. commands.Select(c => c.Texts[language].Keyword)];
    }

    /// <summary>The titles of each command list of a localization file, by list index, in order.</summary>
    private static Dictionary<int, List<string>> CommandTitles(string tag)
    {
        var strings = JsonNode.Parse(File.ReadAllText(Path.Combine(AppPackageBuild.Directory, "localization", $"{tag}.json")))!.AsObject();
        return strings
            .Select(p => (Match: TitleKey().Match(p.Key), Value: p.Value))
            .Where(p => p.Match.Success)
            .GroupBy(p => int.Parse(p.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(p => int.Parse(p.Match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
                    .Select(p => p.Value!.GetValue<string>()).ToList());
    }

    [GeneratedRegex(@"^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.title$")]
    private static partial Regex TitleKey();
}
