using System.Text;
using TeamsPrevention.Sandbox.Tenant;

namespace TeamsPrevention.EndToEnd.Playground;

/// <summary>
/// Writes <c>.m365agentsplayground.yml</c> (schema 0.1.1 of the Playground: exactly five <c>users</c> beside the current
/// user, one personal chat, one group chat, one team with at most one channel besides General; users have no locale).
/// Everyone comes from the sandbox's fictitious <see cref="DemoTenant"/>, so ids match the sandbox's Teams user ids.
/// </summary>
public static class PlaygroundYaml
{
    public const string FileName = ".m365agentsplayground.yml";
    public const string PersonalChatId = "a:tp-personal-chat-claire-dubois";
    public const string GroupChatId = "19:tp-group-chat-coordination@thread.v2";
    public const string GroupChatName = "Coordination CSIL-R";
    public const string TeamId = "19:tp-team-general@thread.tacv2";
    public const string ChannelId = "19:tp-channel-situations@thread.tacv2";
    public const string ChannelName = "Situations";

    /// <summary>The person using the Playground: Claire Dubois, a French-speaking chair of the cell.</summary>
    public static DemoPersona CurrentUser => DemoTenant.Personas[0];

    /// <summary>French, Dutch and German speakers, as in the cell (schema: exactly five).</summary>
    public static IReadOnlyList<DemoPersona> OtherUsers =>
        [.. new[] { 1, 2, 3, 8, 9 }.Select(i => DemoTenant.Personas[i])];

    public static string BotId => $"28:{DemoTenant.BotAppId}";

    public const string BotName = "TeamsPrevention";

    public static string Render()
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("version: \"0.1.1\"");
        yaml.AppendLine($"tenantId: {Quote(DemoTenant.TenantId)}");
        yaml.AppendLine("bot:");
        yaml.AppendLine($"  id: {Quote(BotId)}");
        yaml.AppendLine($"  name: {Quote(BotName)}");
        yaml.AppendLine("currentUser:");
        AppendUser(yaml, CurrentUser, "  ");
        yaml.AppendLine("users:");
        foreach (var user in OtherUsers)
        {
            AppendUser(yaml, user, "  - ", "    ");
        }

        yaml.AppendLine("personalChat:");
        yaml.AppendLine($"  id: {Quote(PersonalChatId)}");
        yaml.AppendLine("groupChat:");
        yaml.AppendLine($"  id: {Quote(GroupChatId)}");
        yaml.AppendLine($"  name: {Quote(GroupChatName)}");
        yaml.AppendLine("team:");
        yaml.AppendLine($"  id: {Quote(TeamId)}");
        yaml.AppendLine($"  name: {Quote(DemoTenant.CellTeamName)}");
        yaml.AppendLine($"  aadGroupId: {Quote(DemoTenant.CellTeamId)}");
        yaml.AppendLine("  channels:");
        yaml.AppendLine($"    - id: {Quote(ChannelId)}");
        yaml.AppendLine($"      name: {Quote(ChannelName)}");
        return yaml.ToString();
    }

    private static void AppendUser(StringBuilder yaml, DemoPersona persona, string firstIndent, string? indent = null)
    {
        indent ??= firstIndent;
        var space = persona.DisplayName.IndexOf(' ', StringComparison.Ordinal);
        var lines = new (string Key, string Value)[]
        {
            ("id", persona.TeamsUserId),
            ("name", persona.DisplayName),
            ("userPrincipleName", persona.UserPrincipalName),
            ("aadObjectId", persona.ObjectId),
            ("givenName", space > 0 ? persona.DisplayName[..space] : persona.DisplayName),
            ("surname", space > 0 ? persona.DisplayName[(space + 1)..] : persona.DisplayName),
            ("email", persona.UserPrincipalName),
        };
        for (var i = 0; i < lines.Length; i++)
        {
            yaml.AppendLine($"{(i == 0 ? firstIndent : indent)}{lines[i].Key}: {Quote(lines[i].Value)}");
        }
    }

    private static string Quote(string value) => $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
