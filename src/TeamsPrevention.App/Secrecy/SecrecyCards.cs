using System.Globalization;
using System.Text.Json.Nodes;
using TeamsPrevention.App.Cards;
using static TeamsPrevention.App.Cards.AdaptiveCardElements;

namespace TeamsPrevention.App.Secrecy;

/// <summary>
/// The confidentiality commitment cards: the one to accept (an <c>Action.Execute</c> <see cref="AcceptVerb"/>) and the
/// one that replaces it once accepted. Content-free: no case, no name, only the commitment's text.
/// </summary>
public static class SecrecyCards
{
    public const string AcceptVerb = "secrecy.accept";

    /// <summary>The version of the commitment's wording; a new wording is a new version, acknowledged again.</summary>
    public const int TextVersion = 1;

    /// <summary>The card asking to accept the commitment for <paramref name="scope"/> (e.g. <c>general</c>).</summary>
    public static JsonObject Pending(UserLanguage language, string scope)
    {
        var texts = SecrecyTexts.For(language);
        return Card(
            [
                Title(texts.Title),
                Text(texts.Intro),
                Text(texts.CommitmentLead, bold: true),
                List(texts.Commitments),
                Text(texts.NoObligation, subtle: true),
                Text(string.Format(CultureInfo.InvariantCulture, texts.TextVersion, TextVersion), subtle: true, small: true),
            ],
            [Execute(texts.Accept, AcceptVerb, new JsonObject { ["scope"] = scope, ["version"] = TextVersion }, positive: true)]);
    }

    /// <summary>The card once the commitment is recorded: when (Brussels time), and no button.</summary>
    public static JsonObject Acknowledged(UserLanguage language, DateTimeOffset acknowledgedAt, int textVersion = TextVersion)
    {
        var texts = SecrecyTexts.For(language);
        return Card(
            [
                Title(texts.Title),
                Text(string.Format(CultureInfo.InvariantCulture, texts.Recorded, BrusselsTime.FormatDateTime(acknowledgedAt, language)), bold: true),
                Text(texts.Intro, subtle: true),
                Text(texts.ReadAgain, subtle: true, small: true),
                Text(string.Format(CultureInfo.InvariantCulture, texts.TextVersion, textVersion), subtle: true, small: true),
            ]);
    }
}
