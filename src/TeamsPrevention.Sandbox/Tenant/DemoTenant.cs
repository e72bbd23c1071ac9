namespace TeamsPrevention.Sandbox.Tenant;

/// <summary>
/// The fictitious city the sandbox plays: Namur's prevention cell, its partners and one persona per role.
/// Every name here is invented. Identifiers are fixed so that a restart (or a reset) gives the same tenant.
/// </summary>
public static class DemoTenant
{
    public const string TenantId = "6d1f5a2e-4b7c-4e39-9a51-0c3e8b7d2f10";
    public const string OtherTenantId = "0b9e7c44-2f1a-4d6b-8e3c-5a7f9d1c2e30";
    public const string BotAppId = "3f8c2a71-9d4e-4b6a-a1c5-7e2d9f0b4c61";
    public const string BotAppSecret = "sandbox-secret-not-for-production";
    public const string Domain = "namur-demo.example";
    public const string CellTeamId = "b7e3d9a0-1c2f-4e5d-8a6b-9c0d1e2f3a41";
    public const string CellTeamName = "CSIL-R Namur";
    public const string DisplayName = "Ville de Namur (démo)";

    /// <summary>A second, unrelated tenant: its tokens and people must never be accepted by the city's App.</summary>
    public const string OtherDomain = "other-city-demo.example";
    public const string OtherDisplayName = "Autre organisation (démo)";
    public const string OtherAppId = "9c4e1b27-6a3d-4f58-b2e0-1d7c8a9f3e52";
    public const string OtherAppSecret = "other-sandbox-secret-not-for-production";

    public static IReadOnlyList<DemoOrganisation> Organisations { get; } =
    [
        new("cell", "Cellule de sécurité intégrale locale (CSIL-R)", "City"),
        new("police", "Zone de police Namur Capitale (fictive)", "Police"),
        new("school", "École secondaire du Confluent (fictive)", "School"),
        new("cpas", "CPAS de Namur (fictif)", "SocialWelfare"),
        new("youth", "Service jeunesse AMO Passages (fictif)", "YouthService"),
        new("association", "Association Liens (fictive)", "Association"),
    ];

    public static IReadOnlyList<DemoPersona> Personas { get; } =
    [
        new("a1b2c3d4-0001-4000-8000-000000000001", "Claire Dubois", "claire.dubois", "fr-BE", "cell", "Chair", "Présidente (bourgmestre déléguée)"),
        new("a1b2c3d4-0002-4000-8000-000000000002", "Marc Lambert", "marc.lambert", "fr-BE", "cell", "Coordinator", "Coordinateur prévention"),
        new("a1b2c3d4-0003-4000-8000-000000000003", "Sophie Martin", "sophie.martin", "fr-BE", "cell", "Referent", "Référente radicalisme"),
        new("a1b2c3d4-0004-4000-8000-000000000004", "Jan Peeters", "jan.peeters", "nl-BE", "police", "PoliceReferent", "Informatieofficier"),
        new("a1b2c3d4-0005-4000-8000-000000000005", "Anne Leroy", "anne.leroy", "fr-BE", "school", "Partner", "Éducatrice"),
        new("a1b2c3d4-0006-4000-8000-000000000006", "Pieter De Smet", "pieter.desmet", "nl-BE", "cpas", "Partner", "Maatschappelijk werker"),
        new("a1b2c3d4-0007-4000-8000-000000000007", "Emma Wilson", "emma.wilson", "en-GB", "youth", "Partner", "Youth worker"),
        new("a1b2c3d4-0008-4000-8000-000000000008", "Karim Benali", "karim.benali", "fr-BE", "association", "Partner", "Animateur"),
        new("a1b2c3d4-0009-4000-8000-000000000009", "Julie Renard", "julie.renard", "fr-BE", "cell", "Secretary", "Secrétaire de la cellule"),
        new("a1b2c3d4-0010-4000-8000-000000000010", "Thomas Schmitz", "thomas.schmitz", "de-BE", "cell", "Dpo", "Datenschutzbeauftragter"),
        new("a1b2c3d4-0011-4000-8000-000000000011", "Luc Gérard", "luc.gerard", "fr-BE", "cell", "Admin", "Informaticien"),
    ];

    /// <summary>People of <see cref="OtherTenantId"/> (cross-tenant tests only).</summary>
    public static IReadOnlyList<DemoPersona> OtherPersonas { get; } =
    [
        new("c9d8e7f6-0001-4000-8000-0000000000a1", "Olivia Autre", "olivia.autre", "fr-BE", "other", "Partner", "Agente (autre tenant)", OtherDomain),
    ];

    /// <summary>People in the cell's team at start; partners join a situation's channel only once added to the team.</summary>
    public static IReadOnlyList<string> CellTeamMemberIds { get; } =
        [.. Personas.Where(p => p.OrganisationKey is "cell" or "police").Select(p => p.ObjectId)];

    public static DemoPersona? FindPersona(string objectId) =>
        Personas.FirstOrDefault(p => string.Equals(p.ObjectId, objectId, StringComparison.OrdinalIgnoreCase));
}

/// <param name="ObjectId">Entra object id.</param>
/// <param name="MailNickname">Local part of the user principal name and e-mail address.</param>
/// <param name="Role">The product role this persona demonstrates (the App's own directory decides real roles).</param>
public sealed record DemoPersona(
    string ObjectId,
    string DisplayName,
    string MailNickname,
    string PreferredLanguage,
    string OrganisationKey,
    string Role,
    string JobTitle,
    string Domain = DemoTenant.Domain)
{
    public string UserPrincipalName => $"{MailNickname}@{Domain}";

    /// <summary>The Teams user id the Bot Connector uses for this person (<c>29:</c> prefix as in Teams).</summary>
    public string TeamsUserId => $"29:sandbox-{ObjectId}";
}

public sealed record DemoOrganisation(string Key, string Name, string Kind);
