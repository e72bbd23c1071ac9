using System.Globalization;

namespace TeamsPrevention.Sandbox.Tenant;

/// <summary>
/// Fictitious people added to the city's tenant for load tests (<c>POST {S}personas/synthetic</c>): object ids
/// <c>5e000000-0000-4000-8000-{n:D12}</c> (n from 1), names "Personne synthétique n", organisation <c>synthetic</c>.
/// The Bot Connector, the inbox, sign-in and the Graph sandbox (<c>/users</c>, installed apps) know them.
/// </summary>
public static class SyntheticPersonas
{
    public const string OrganisationKey = "synthetic";

    private static readonly string[] Languages = ["fr-BE", "nl-BE", "de-BE", "en-GB"];

    public static string ObjectId(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"5e000000-0000-4000-8000-{number:D12}");

    /// <summary>Personas 1 to <paramref name="count"/>, the same ones every time.</summary>
    public static IReadOnlyList<DemoPersona> Create(int count) =>
        [.. Enumerable.Range(1, count).Select(n => new DemoPersona(
            ObjectId(n),
            string.Create(CultureInfo.InvariantCulture, $"Personne synthétique {n}"),
            string.Create(CultureInfo.InvariantCulture, $"synthetic.{n}"),
            Languages[n % Languages.Length],
            OrganisationKey,
            "Partner",
            "Synthétique"))];
}
