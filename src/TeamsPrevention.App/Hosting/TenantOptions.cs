using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Hosting;

/// <summary>
/// The Microsoft 365 tenant the App serves and the endpoints it reaches. In production these are Microsoft's;
/// with the embedded sandbox they default to <c>{App:PublicBaseUrl}/sandbox/...</c> (see <see cref="TenantOptionsSetup"/>).
/// Bound from the <c>Tenant</c> section.
/// </summary>
public sealed class TenantOptions
{
    public const string Section = "Tenant";

    /// <summary>Entra tenant id (directory id) of the city.</summary>
    [Required]
    public string TenantId { get; set; } = "";

    /// <summary>The app registration's client id, which is also the bot's Microsoft App ID.</summary>
    [Required]
    public string ClientId { get; set; } = "";

    /// <summary>Client secret of the app registration (use a certificate or a managed identity in production).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Entra authority base, e.g. <c>https://login.microsoftonline.com/</c>.</summary>
    public Uri? Instance { get; set; }

    /// <summary>Microsoft Graph base URL, e.g. <c>https://graph.microsoft.com/v1.0</c>.</summary>
    public Uri? GraphBaseUrl { get; set; }

    /// <summary>Bot Framework OpenID metadata for inbound channel tokens.</summary>
    public Uri? BotOpenIdMetadataUrl { get; set; }

    /// <summary>Issuer of Bot Framework channel tokens.</summary>
    public string BotIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Scope for outbound Bot Connector calls.</summary>
    public string BotScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Scope for Microsoft Graph with application permissions.</summary>
    public string GraphScope { get; set; } = "https://graph.microsoft.com/.default";

    /// <summary>The v2.0 authority of the tenant, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public Uri Authority => new(Instance!, $"{TenantId}/v2.0");
}
