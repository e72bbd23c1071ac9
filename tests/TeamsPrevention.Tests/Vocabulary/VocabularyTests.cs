using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsPrevention.App.Cards;

namespace TeamsPrevention.Tests.Vocabulary;

/// <summary>
/// One vocabulary per language (docs/vocabulary.json, from the users' glossary): no catalogue uses a forbidden variant
/// of a concept, and the tab and the App both use the canonical term where the file says they must.
/// </summary>
public sealed class VocabularyTests
{
    private static readonly Lazy<IReadOnlyList<CatalogueText>> Texts = new(Catalogues.All);

    [Fact]
    public void NoCatalogueUsesAForbiddenVariant()
    {
        var found = new List<string>();
        foreach (var (concept, language, term) in Terms())
        {
            foreach (var variant in term.Forbidden)
            {
                found.AddRange(Texts.Value.Where(t => t.Language == language && Word(variant).IsMatch(t.Text))
                    .Select(t => $"{t.Key} says '{variant}' ({concept}, {language}: write '{term.Canonical}')"));
            }
        }

        Assert.True(found.Count == 0, "Forbidden variants:\n" + string.Join('\n', found));
    }

    [Fact]
    public void TheTabAndTheAppUseEachCanonicalTerm()
    {
        var missing = new List<string>();
        foreach (var (concept, language, term) in Terms())
        {
            foreach (var catalogue in term.RequiredIn)
            {
                if (!Texts.Value.Any(t => t.Catalogue == catalogue && t.Language == language && Word(term.Canonical).IsMatch(t.Text)))
                {
                    missing.Add($"{catalogue} ({language}) never says '{term.Canonical}' ({concept})");
                }
            }
        }

        Assert.True(missing.Count == 0, "Canonical terms missing:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void TheCataloguesAreAllRead()
    {
        // The scan is only as good as what it reads: each source must yield texts in every language.
        var keys = Texts.Value.Select(t => t.Key).ToList();
        foreach (var expected in new[] { "fr/alerts.json: ", "nl/dashboard.json: ", "AlertTexts.", "BotTexts.", "SituationTexts.Status(", "ExportTexts.", "card 'alert ", "ReportSignalCommand.Keyword", "MeetingInvite(" })
        {
            Assert.Contains(keys, k => k.StartsWith(expected, StringComparison.Ordinal));
        }

        foreach (var language in Enum.GetValues<UserLanguage>())
        {
            Assert.Contains(Texts.Value, t => t.Catalogue == Catalogues.Tab && t.Language == language);
            Assert.Contains(Texts.Value, t => t.Catalogue == Catalogues.App && t.Language == language);
        }
    }

    [Theory]
    [InlineData("Warnung", "Die Warnung ist zurückgezogen.", true)]
    [InlineData("Warnung", "Die Warnmeldung ist zurückgezogen.", false)]
    [InlineData("pas concerné", "Pas concerné", true)]
    [InlineData("in Prüfung", "Kettenprüfung", false)]
    [InlineData("incluse", "Incluse", true)]
    public void AVariantIsFoundAsAWholeWordIgnoringCase(string variant, string text, bool found) =>
        Assert.Equal(found, Word(variant).IsMatch(text));

    private sealed record Term(string Canonical, IReadOnlyList<string> Forbidden, IReadOnlyList<string> RequiredIn);

    private static IEnumerable<(string Concept, UserLanguage Language, Term Term)> Terms()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Catalogues.RepositoryRoot(), "docs", "vocabulary.json")))!;
        var concepts = file["concepts"]!.AsArray();
        Assert.NotEmpty(concepts);
        foreach (var concept in concepts)
        {
            var name = (string)concept!["concept"]!;
            var required = concept["requiredIn"]?.AsArray().Select(n => (string)n!).ToList() ?? [];
            foreach (var language in Enum.GetValues<UserLanguage>())
            {
                var entry = concept[language.ToString().ToLowerInvariant()] ?? throw new InvalidOperationException($"{name}: no {language} entry.");
                yield return (name, language, new Term(
                    (string)entry["term"]!,
                    entry["forbidden"]?.AsArray().Select(n => (string)n!).ToList() ?? [],
                    required));
            }
        }
    }

    /// <summary>The phrase as whole words, case ignored (so a variant is not found inside a longer word).</summary>
    private static Regex Word(string phrase) =>
        new($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(phrase).Replace(@"\ ", @"\s+", StringComparison.Ordinal)}(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
