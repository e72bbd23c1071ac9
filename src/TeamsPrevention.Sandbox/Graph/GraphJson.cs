using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.Sandbox.Graph;

/// <summary>Graph's JSON shapes for the sandbox's records, and the small parsers Graph requests need.</summary>
public static partial class GraphJson
{
    public const string MemberType = "#microsoft.graph.aadUserConversationMember";

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static JsonObject User(DemoPersona persona)
    {
        var space = persona.DisplayName.IndexOf(' ', StringComparison.Ordinal);
        return new JsonObject
        {
            ["id"] = persona.ObjectId,
            ["displayName"] = persona.DisplayName,
            ["givenName"] = space > 0 ? persona.DisplayName[..space] : persona.DisplayName,
            ["surname"] = space > 0 ? persona.DisplayName[(space + 1)..] : null,
            ["userPrincipalName"] = persona.UserPrincipalName,
            ["mail"] = persona.UserPrincipalName,
            ["jobTitle"] = persona.JobTitle,
            ["preferredLanguage"] = persona.PreferredLanguage,
            ["officeLocation"] = DemoTenant.Organisations.FirstOrDefault(o => o.Key == persona.OrganisationKey)?.Name,
            ["businessPhones"] = new JsonArray(),
            ["mobilePhone"] = null,
        };
    }

    public static JsonObject Member(SandboxMember member)
    {
        var persona = DemoTenant.FindPersona(member.UserId);
        return new JsonObject
        {
            ["@odata.type"] = MemberType,
            ["id"] = member.MembershipId,
            ["roles"] = new JsonArray([.. member.Roles.Select(r => (JsonNode)r)]),
            ["displayName"] = persona?.DisplayName,
            ["visibleHistoryStartDateTime"] = "0001-01-01T00:00:00Z",
            ["userId"] = member.UserId,
            ["email"] = persona?.UserPrincipalName,
            ["tenantId"] = DemoTenant.TenantId,
        };
    }

    public static JsonObject Channel(SandboxTeam team, SandboxChannel channel) => new()
    {
        ["id"] = channel.Id,
        ["createdDateTime"] = Timestamp(channel.CreatedAt),
        ["displayName"] = channel.DisplayName,
        ["description"] = channel.Description,
        ["isFavoriteByDefault"] = null,
        ["email"] = "",
        ["tenantId"] = DemoTenant.TenantId,
        ["webUrl"] = $"https://teams.microsoft.com/l/channel/{Uri.EscapeDataString(channel.Id)}/{Uri.EscapeDataString(channel.DisplayName)}?groupId={team.Id}&tenantId={DemoTenant.TenantId}",
        ["membershipType"] = channel.MembershipType,
        ["isArchived"] = channel.IsArchived,
    };

    /// <summary>The user an <c>…@odata.bind</c> names: <c>…/users('id')</c> or <c>…/users/id</c>.</summary>
    public static string? BoundUserId(string? bind) => BoundId(bind, "users");

    /// <summary>The id a bind names in <paramref name="collection"/> (<c>…/teamsApps('id')</c> or <c>…/teamsApps/id</c>).</summary>
    public static string? BoundId(string? bind, string collection)
    {
        if (string.IsNullOrWhiteSpace(bind))
        {
            return null;
        }

        var match = BindPattern().Match(bind);
        return match.Success && string.Equals(match.Groups["collection"].Value, collection, StringComparison.OrdinalIgnoreCase)
            ? Uri.UnescapeDataString(match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["plain"].Value)
            : null;
    }

    /// <summary>A single <c>property eq 'value'</c> clause (quotes doubled inside), or null when not of that shape.</summary>
    public static (string Property, string Value)? EqualsFilter(string filter)
    {
        var match = FilterPattern().Match(filter.Trim());
        return match.Success ? (match.Groups["prop"].Value, match.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal)) : null;
    }

    public static string? String(JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool? Boolean(JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    [GeneratedRegex(@"(?<collection>[A-Za-z]+)(?:\('(?<quoted>[^']+)'\)|/(?<plain>[^/?('""]+))$")]
    private static partial Regex BindPattern();

    [GeneratedRegex(@"^(?<prop>[A-Za-z][A-Za-z/]*)\s+eq\s+'(?<value>(?:[^']|'')*)'$", RegexOptions.IgnoreCase)]
    private static partial Regex FilterPattern();
}
