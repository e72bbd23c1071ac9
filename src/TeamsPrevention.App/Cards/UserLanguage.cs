namespace TeamsPrevention.App.Cards;

/// <summary>The languages the product speaks, French first.</summary>
public enum UserLanguage
{
    Fr,
    Nl,
    De,
    En,
}
