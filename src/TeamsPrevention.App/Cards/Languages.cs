namespace TeamsPrevention.App.Cards;

/// <summary>Reads a client's language tag (<c>nl-BE</c>, <c>en-US</c>…) as one of the product's languages.</summary>
public static class Languages
{
    /// <summary>French unless the tag names Dutch, German or English.</summary>
    public static UserLanguage FromTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return UserLanguage.Fr;
        }

        var primary = tag.Split('-', '_')[0].Trim().ToLowerInvariant();
        return primary switch
        {
            "nl" => UserLanguage.Nl,
            "de" => UserLanguage.De,
            "en" => UserLanguage.En,
            _ => UserLanguage.Fr,
        };
    }
}
