using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Meetings;
using TeamsPrevention.Tests.Cards;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Vocabulary;

/// <summary>One text a person reads: where it comes from (<see cref="Key"/>), its language and what it says.</summary>
public sealed record CatalogueText(string Catalogue, string Key, UserLanguage Language, string Text);

/// <summary>
/// Every text the product shows, gathered from where it is written: the tab's i18n JSON (one file per area and
/// language), the App's <c>*Texts</c> catalogues (found by reflection: every type named so with a static
/// <c>For(UserLanguage)</c>, and every static <c>(enum, UserLanguage) → string</c> method), the bot commands as the
/// App registers them, every card of <see cref="AppCardCatalogue"/>, and the invitation Outlook shows (French).
/// </summary>
public static class Catalogues
{
    public const string Tab = "tab";
    public const string App = "app";

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TeamsPrevention.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (TeamsPrevention.sln) was not found.");
    }

    public static IEnumerable<CatalogueText> TabTexts()
    {
        var locales = Path.Combine(RepositoryRoot(), "src", "TeamsPrevention.Web", "src", "locales");
        foreach (var language in Enum.GetValues<UserLanguage>())
        {
            var folder = Path.Combine(locales, language.ToString().ToLowerInvariant());
            foreach (var file in System.IO.Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var area = Path.GetFileNameWithoutExtension(file);
                foreach (var (key, text) in Flatten(JsonNode.Parse(File.ReadAllText(file)), ""))
                {
                    yield return new CatalogueText(Tab, $"{language.ToString().ToLowerInvariant()}/{area}.json: {key}", language, text);
                }
            }
        }
    }

    public static IEnumerable<CatalogueText> AppTexts()
    {
        foreach (var type in typeof(BotTexts).Assembly.GetTypes().Where(t => t.Name.EndsWith("Texts", StringComparison.Ordinal)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var statics = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
            if (statics.FirstOrDefault(m => m.Name == "For" && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(UserLanguage)) is { } @for)
            {
                foreach (var language in Enum.GetValues<UserLanguage>())
                {
                    var texts = @for.Invoke(null, [language])!;
                    foreach (var property in texts.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    {
                        foreach (var (suffix, text) in Strings(property.GetValue(texts)))
                        {
                            yield return new CatalogueText(App, $"{type.Name}.{property.Name}{suffix}", language, text);
                        }
                    }
                }
            }

            // Labels kept as methods of an enum value and a language (a situation's status, …).
            foreach (var method in statics.Where(m => m.ReturnType == typeof(string)
                && m.GetParameters() is [{ ParameterType.IsEnum: true }, { ParameterType: var l }] && l == typeof(UserLanguage)))
            {
                var values = method.GetParameters()[0].ParameterType.GetEnumValues();
                foreach (var language in Enum.GetValues<UserLanguage>())
                {
                    foreach (var value in values)
                    {
                        yield return new CatalogueText(App, $"{type.Name}.{method.Name}({value})", language, (string)method.Invoke(null, [value, language])!);
                    }
                }
            }
        }
    }

    /// <summary>The bot commands' keywords, descriptions and aliases, as the running App registers them.</summary>
    public static IEnumerable<CatalogueText> BotCommandTexts()
    {
        using var app = new AppFactory();
        using var scope = app.Services.CreateScope();
        var list = new List<CatalogueText>();
        foreach (var command in scope.ServiceProvider.GetServices<IBotCommand>())
        {
            foreach (var (language, text) in command.Texts)
            {
                var key = $"{command.GetType().Name}";
                list.Add(new CatalogueText(App, key + ".Keyword", language, text.Keyword));
                list.Add(new CatalogueText(App, key + ".Description", language, text.Description));
                list.AddRange(text.Aliases.Select((alias, i) => new CatalogueText(App, $"{key}.Aliases[{i}]", language, alias)));
            }
        }

        return list;
    }

    /// <summary>Every text of every card the App builds (TextBlocks, facts, buttons, inputs, choices).</summary>
    public static IEnumerable<CatalogueText> CardTexts()
    {
        foreach (var (name, card) in AppCardCatalogue.All())
        {
            var language = Enum.GetValues<UserLanguage>().First(l => name.Contains($"({l}", StringComparison.Ordinal));
            foreach (var (path, text) in Flatten(card, "").Where(t => IsShownProperty(t.Key)))
            {
                yield return new CatalogueText(App, $"card '{name}': {path}", language, text);
            }
        }
    }

    /// <summary>The Outlook invitation (subject and body), French only, for each kind of meeting.</summary>
    public static IEnumerable<CatalogueText> InvitationTexts()
    {
        foreach (var kind in Enum.GetValues<MeetingKind>())
        {
            var meeting = new Meeting { Organizer = "organizer@example.invalid", Kind = kind, StartAt = DateTimeOffset.UnixEpoch, EndAt = DateTimeOffset.UnixEpoch.AddHours(1) };
            var invite = MeetingInvite.Build(meeting, [], "https://example.invalid/#/meetings/1");
            yield return new CatalogueText(App, $"MeetingInvite({kind}).Subject", UserLanguage.Fr, invite.Subject);
            yield return new CatalogueText(App, $"MeetingInvite({kind}).Body", UserLanguage.Fr, invite.BodyHtml);
        }
    }

    public static IReadOnlyList<CatalogueText> All() =>
        [.. TabTexts(), .. AppTexts(), .. BotCommandTexts(), .. CardTexts(), .. InvitationTexts()];

    private static readonly HashSet<string> ShownProperties = ["text", "title", "value", "label", "placeholder", "errorMessage", "altText", "fallbackText"];

    private static bool IsShownProperty(string path)
    {
        var last = path[(path.LastIndexOf('.') + 1)..];
        return ShownProperties.Contains(last) && !path.EndsWith(".data.value", StringComparison.Ordinal);
    }

    private static IEnumerable<(string Key, string Text)> Flatten(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => Flatten(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((n, i) => Flatten(n, $"{path}[{i}]")),
        JsonValue v when v.TryGetValue<string>(out var s) => [(path, s)],
        _ => [],
    };

    private static IEnumerable<(string Suffix, string Text)> Strings(object? value) => value switch
    {
        string s => [("", s)],
        IDictionary d => d.Keys.Cast<object>().SelectMany(k => Strings(d[k]).Select(t => ($"[{k}]{t.Suffix}", t.Text))),
        IEnumerable<string> list => list.Select((s, i) => ($"[{i}]", s)),
        _ => [],
    };
}
