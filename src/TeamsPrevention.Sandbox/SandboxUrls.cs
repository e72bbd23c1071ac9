using Microsoft.Extensions.Options;

namespace TeamsPrevention.Sandbox;

/// <summary>The sandbox's public base (<c>{S}</c>, ending with <c>/sandbox/</c>) for issuers, <c>serviceUrl</c> and discovery.</summary>
public static class SandboxUrls
{
    /// <summary><see cref="SandboxOptions.PublicBaseUrl"/> when set, else the address this request came to.</summary>
    public static Uri BaseFor(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<IOptions<SandboxOptions>>().Value.PublicBaseUrl;
        if (configured is not null)
        {
            var text = configured.ToString();
            return new Uri(text.EndsWith('/') ? text : text + "/");
        }

        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{SandboxOptions.RoutePrefix}/");
    }

    /// <summary>The v2 issuer of a tenant: <c>{S}login/{tenant}/v2.0</c>.</summary>
    public static string Issuer(Uri sandboxBase, string tenantId) => $"{sandboxBase}login/{tenantId}/v2.0";

    /// <summary>The Bot Connector service URL the sandbox puts in activities: <c>{S}connector/</c>.</summary>
    public static string ServiceUrl(Uri sandboxBase) => $"{sandboxBase}connector/";
}
