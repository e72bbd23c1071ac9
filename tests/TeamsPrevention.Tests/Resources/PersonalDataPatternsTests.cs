using TeamsPrevention.App.Resources;

namespace TeamsPrevention.Tests.Resources;

/// <summary>The library's guard against contact and identity data: catches the usual forms, lets ordinary text through.</summary>
public sealed class PersonalDataPatternsTests
{
    [Theory]
    [InlineData("Écrire à prenom.nom@cpas-demo.example")]
    [InlineData("GSM 0471/23.45.67")]
    [InlineData("tél. 081 24 60 00")]
    [InlineData("0032 81 24 60 00")]
    [InlineData("NN 85073003361")]
    public void FlagsContactAndIdentityData(string text) => Assert.True(PersonalDataPatterns.LookPersonal(text));

    [Theory]
    [InlineData("En cas d'urgence, appelez le 101 ou le 112.")]
    [InlineData("Édition 2025-2026, article 60, 8 séances de 2 heures.")]
    [InlineData("Voir https://www.example.org/projets/2026/affiche")]
    [InlineData("")]
    [InlineData(null)]
    public void LetsOrdinaryTextThrough(string? text) => Assert.False(PersonalDataPatterns.LookPersonal(text));
}
