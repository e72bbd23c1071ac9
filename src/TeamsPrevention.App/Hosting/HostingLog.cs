namespace TeamsPrevention.App.Hosting;

/// <summary>Hosting log events: ids 1000–1099.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(1000, LogLevel.Information, "TeamsPrevention is listening on {Address} (bot endpoint: /api/messages)")]
    public static partial void Listening(ILogger logger, string address);

    [LoggerMessage(1001, LogLevel.Information, "Sandbox tenant: open {TabUrl} and sign in as a persona (the tab), or {InboxUrl} to talk to the bot as one")]
    public static partial void SandboxInbox(ILogger logger, string tabUrl, string inboxUrl);
}
