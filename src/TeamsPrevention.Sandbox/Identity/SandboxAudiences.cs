namespace TeamsPrevention.Sandbox.Identity;

/// <summary>The resources the sandbox issues application tokens for.</summary>
public static class SandboxAudiences
{
    public const string Graph = "https://graph.microsoft.com";
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    public const string BotFramework = "https://api.botframework.com";

    /// <summary>Issuer of Bot Framework channel tokens (calls the channel makes to the bot).</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The scope a signed-in persona grants the tab's API.</summary>
    public const string TabScope = "access_as_user";

    /// <summary>The Teams web client, the <c>azp</c> of persona tokens (as if obtained by the tab's SSO).</summary>
    public const string TeamsWebClientId = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346";
}
