using TeamsPrevention.App.Cards;

namespace TeamsPrevention.Tests.Bot;

public sealed class LanguagesTests
{
    [Theory]
    [InlineData("nl-BE", UserLanguage.Nl)]
    [InlineData("de-DE", UserLanguage.De)]
    [InlineData("en-US", UserLanguage.En)]
    [InlineData("fr-BE", UserLanguage.Fr)]
    [InlineData("NL", UserLanguage.Nl)]
    [InlineData("es-ES", UserLanguage.Fr)]
    [InlineData(null, UserLanguage.Fr)]
    public void ReadsTheProductLanguageFromTheClientTag(string? tag, UserLanguage expected) =>
        Assert.Equal(expected, Languages.FromTag(tag));

    [Fact]
    public void KeepsTheRequiredWordsInTheFrenchTexts()
    {
        var french = BotTexts.For(UserLanguage.Fr);

        Assert.Contains("TeamsPrevention", french.Welcome);
        Assert.Contains("aide", french.Welcome);
        Assert.Contains("Commandes", french.HelpTitle);
        Assert.Contains("aide", french.Unknown);
    }
}
