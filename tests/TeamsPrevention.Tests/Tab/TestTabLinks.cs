using Microsoft.Extensions.Options;
using TeamsPrevention.App.Hosting;
using TeamsPrevention.App.Tab;

namespace TeamsPrevention.Tests.Tab;

/// <summary>
/// The link builder as production has it (a Teams app id, no sandbox) or as the sandbox has it, and the deep link
/// Microsoft documents, written out by hand here (not by the code under test) so a test compares with the format.
/// </summary>
internal static class TestTabLinks
{
    /// <summary>A Teams app id for tests (not the sandbox package's).</summary>
    public const string TeamsAppId = "5d7c1e2a-8f34-4b6d-9a0e-2c4b6d8f0a13";

    public static TabLinks InTeams(string publicBaseUrl = "https://tp.example/") => new(
        Options.Create(new AppOptions { PublicBaseUrl = new Uri(publicBaseUrl) }),
        Options.Create(new TabOptions { TeamsAppId = TeamsAppId }),
        Options.Create(new SandboxHostingOptions()));

    public static TabLinks InSandbox(string publicBaseUrl = "https://tp.example/") => new(
        Options.Create(new AppOptions { PublicBaseUrl = new Uri(publicBaseUrl) }),
        Options.Create(new TabOptions { TeamsAppId = TeamsAppId }),
        Options.Create(new SandboxHostingOptions { Embedded = true }));

    /// <summary>
    /// <c>https://teams.microsoft.com/l/entity/{appId}/dashboard?context=</c> + the URL-encoded
    /// <c>{"subEntityId":"route"}</c> (routes have letters, digits, dashes and slashes only).
    /// </summary>
    public static string DeepLink(string route, string appId = TeamsAppId) =>
        $"https://teams.microsoft.com/l/entity/{appId}/dashboard?context=%7B%22subEntityId%22%3A%22{route.Replace("/", "%2F", StringComparison.Ordinal)}%22%7D";
}
