using TeamsPrevention.App.PersonalData;

namespace TeamsPrevention.Tests.PersonalData;

/// <summary>
/// The shared detector: each kind in French, Dutch, German and English, and texts of the domain that must not be
/// flagged (codes, deadlines, services and places, capitalised words at a sentence's start). Every name, date and
/// address here is fictitious.
/// </summary>
public sealed class PersonalDataDetectorTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Theory]
    // Names: a title and a capitalised word
    [InlineData("Vu avec M. Testfictif à la sortie de l'école.")]
    [InlineData("Mme Zébulon a prévenu l'éducateur.")]
    [InlineData("Rencontre avec Monsieur Testfictif")]
    [InlineData("Dhr. Testfictif belde de school.")]
    [InlineData("Mevr. Verzonnen meldde het gedrag.")]
    [InlineData("Herr Erfunden hat die Schule informiert.")]
    [InlineData("Laut Frau Erfunden ist er oft allein.")]
    [InlineData("Mr Madeup called the youth service.")]
    [InlineData("Mrs Madeup saw the videos.")]
    // Names: two capitalised words inside a sentence
    [InlineData("Le jeune Zébulon Testfictif a partagé des vidéos violentes.")]
    [InlineData("Signalé par l'école, avec Pieter De Verzonnen.")]
    [InlineData("Gesprek met Jan Verzonnen over zijn gedrag.")]
    [InlineData("Er hat mit Lukas Erfunden gestritten.")]
    [InlineData("The teacher saw Tom Madeup with the group.")]
    [InlineData("contacté par Jean TESTFICTIF hier")]
    public void FindsANameInEachLanguage(string text) => Assert.Equal([PersonalDataKind.Name], PersonalDataDetector.Find(text, Today));

    [Theory]
    [InlineData("Il est né le 14 mars 2009 à Namur.")]
    [InlineData("Elle est née le 03/04/2010.")]
    [InlineData("Date de naissance : 03.04.2010")]
    [InlineData("Hij is geboren op 14 maart 2009.")]
    [InlineData("geboortedatum 14-03-2009")]
    [InlineData("Er ist geboren am 14. März 2009.")]
    [InlineData("Geburtsdatum: 14.03.2009")]
    [InlineData("He was born on 14 March 2009.")]
    [InlineData("DOB 14/03/2009")]
    [InlineData("Jeune homme (°14.03.2009), en 4e secondaire.")]
    [InlineData("rencontré le 14/03/2009 selon le dossier")]
    public void FindsABirthDateInEachLanguage(string text) => Assert.Equal([PersonalDataKind.BirthDate], PersonalDataDetector.Find(text, Today));

    [Theory]
    [InlineData("Il habite rue de Fer 25 depuis l'été.")]
    [InlineData("Vu près de la chaussée de Louvain 123a.")]
    [InlineData("Domicile : 12 avenue Reine Astrid")]
    [InlineData("Hij woont in de Kerkstraat 12.")]
    [InlineData("Adres: Stationslaan 5b")]
    [InlineData("Er wohnt in der Kirchstraße 3.")]
    [InlineData("Wohnt Aachener Straße 12 seit Jahren.")]
    [InlineData("He lives at 10 Madeup Street.")]
    [InlineData("Il vit maintenant à 5000 Namur.")]
    [InlineData("Nieuwe woonplaats: 9000 Gent.")]
    [InlineData("Umgezogen nach B-4700 Eupen.")]
    public void FindsAnAddressInEachLanguage(string text) => Assert.Equal([PersonalDataKind.Address], PersonalDataDetector.Find(text, Today));

    [Theory]
    [InlineData("GSM 0471/23.45.67")]
    [InlineData("tél. 081 24 60 00")]
    [InlineData("0032 81 24 60 00")]
    [InlineData("bel hem op +32 471 23 45 67")]
    [InlineData("Telefon: +49 151 2345 6789")]
    [InlineData("phone +33 6 12 34 56 78")]
    public void FindsAPhoneNumber(string text) => Assert.Equal([PersonalDataKind.Phone], PersonalDataDetector.Find(text, Today));

    [Theory]
    [InlineData("Écrire à prenom.nom@cpas-demo.example")]
    [InlineData("stuur naar iemand@school.example")]
    public void FindsAnEmailAddress(string text) => Assert.Equal([PersonalDataKind.Email], PersonalDataDetector.Find(text, Today));

    [Theory]
    [InlineData("NN 85073003361")]
    [InlineData("rijksregisternummer 85.07.30-033.61")]
    public void FindsANationalNumberAndNotAlsoAPhone(string text) => Assert.Equal([PersonalDataKind.NationalNumber], PersonalDataDetector.Find(text, Today));

    [Fact]
    public void NamesEveryKindOnceInAFixedOrder()
    {
        var text = "M. Testfictif, né le 14/03/2009, rue de Fer 25, 5000 Namur, 0471 23 45 67, z.t@mail.example, NN 85073003361. "
            + "Revu avec Jan Verzonnen.";

        Assert.Equal(
            [PersonalDataKind.Name, PersonalDataKind.BirthDate, PersonalDataKind.Address, PersonalDataKind.Phone, PersonalDataKind.Email, PersonalDataKind.NationalNumber],
            PersonalDataDetector.Find(text, Today));
    }

    [Theory]
    [InlineData("Situation K7M-4QX : revoir avec le CPAS de Namur et la zone de police.")]
    [InlineData("Échéance au 15/04/2026, réunion le 02/03/2026 à 14h.")]
    [InlineData("Faits observés le 3 février 2025 et en 2024.")]
    [InlineData("Orienté vers le Service Jeunesse et l'AMO Basse-Sambre.")]
    [InlineData("Le Collège Saint-Louis a prévenu la Maison de Jeunes.")]
    [InlineData("Rappel : vérifier avec la Local Task Force en mars.")]
    [InlineData("Menaces verbales en classe (fictif). Propos répétés lundi.")]
    [InlineData("Zébulon a été vu plusieurs fois.")]
    [InlineData("Vidéos de l'État Islamique partagées sur Telegram.")]
    [InlineData("Afspraak met het OCMW Gent op maandag 12 mei.")]
    [InlineData("Treffen mit der Polizei Eupen am Montag.")]
    [InlineData("Follow-up with the school on Monday, March 3.")]
    [InlineData("Monsieur le Bourgmestre a été informé.")]
    [InlineData("Dieses Werkzeug ist kein Notrufkanal: Rufen Sie 101 oder 112 an.")]
    [InlineData("Wenn Sie Fragen haben, melden Sie sich bei der Schule.")]
    [InlineData("3000 Menschen, 1000 Euro, dossier n° 2024, en 1998 Bruxelles, 2000 Personnes.")]
    [InlineData("En cas d'urgence, appelez le 101 ou le 112.")]
    [InlineData("Édition 2025-2026, article 60, 8 séances de 2 heures.")]
    [InlineData("Voir https://www.example.org/projets/2026/affiche")]
    [InlineData("IL A DIT QUE TOUT ALLAIT EXPLOSER")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void LetsTheDomainsOwnTextThrough(string? text) => Assert.Empty(PersonalDataDetector.Find(text, Today));

    [Fact]
    public void ReadsAFullDateAsABirthDateOnlyWhenItIsTenYearsOldOrMore()
    {
        Assert.Empty(PersonalDataDetector.Find("Vu le 10/03/2017.", Today));
        Assert.Equal([PersonalDataKind.BirthDate], PersonalDataDetector.Find("Vu le 10/03/2016.", Today));
        Assert.Equal([PersonalDataKind.BirthDate], PersonalDataDetector.Find("Vu le 10/03/2016.", new DateOnly(2026, 12, 31)));
        Assert.Empty(PersonalDataDetector.Find("Vu le 10/03/2016.", new DateOnly(2025, 1, 1)));
    }

    [Theory]
    [InlineData("Écrire à prenom.nom@cpas-demo.example")]
    [InlineData("GSM 0471/23.45.67")]
    [InlineData("tél. 081 24 60 00")]
    [InlineData("0032 81 24 60 00")]
    [InlineData("NN 85073003361")]
    public void TheLibrarysRuleFlagsContactAndIdentityNumbers(string text) => Assert.True(PersonalDataDetector.LooksLikeContactData(text));

    [Theory]
    [InlineData("En cas d'urgence, appelez le 101 ou le 112.")]
    [InlineData("Édition 2025-2026, article 60, 8 séances de 2 heures.")]
    [InlineData("Voir https://www.example.org/projets/2026/affiche")]
    [InlineData("Projet mené avec Jan Verzonnen, rue de Fer 25, 5000 Namur.")]
    [InlineData("")]
    [InlineData(null)]
    public void TheLibrarysRuleLetsOrdinaryTextThrough(string? text) => Assert.False(PersonalDataDetector.LooksLikeContactData(text));
}
