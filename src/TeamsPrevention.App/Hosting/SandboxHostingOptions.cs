namespace TeamsPrevention.App.Hosting;

/// <summary>
/// Whether the sandbox tenant runs inside this App (the default for <c>dotnet run</c>) or elsewhere.
/// Bound from the <c>Sandbox</c> section. Refused in Production.
/// </summary>
public sealed class SandboxHostingOptions
{
    public const string Section = "Sandbox";

    /// <summary>Host the sandbox tenant in-process under <c>/sandbox</c>.</summary>
    public bool Embedded { get; set; }

    /// <summary>
    /// Base URL of a sandbox running on its own (<c>http://host:port/sandbox</c>). Endpoints left unset in
    /// <see cref="TenantOptions"/> default to it. Ignored when <see cref="Embedded"/> is set.
    /// </summary>
    public Uri? BaseUrl { get; set; }
}
