using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Hosting;

/// <summary>
/// Settings that are fine on a laptop and dangerous in production: an embedded or remote sandbox tenant,
/// plain-http or loopback Microsoft endpoints. In the Production environment they stop the App at start.
/// The anonymous bot mode is checked by the bot's own options.
/// </summary>
internal sealed class ProductionSafety(IHostEnvironment environment) :
    IValidateOptions<SandboxHostingOptions>, IValidateOptions<TenantOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxHostingOptions options)
    {
        if (!environment.IsProduction())
        {
            return ValidateOptionsResult.Success;
        }

        return options.Embedded || options.BaseUrl is not null
            ? ValidateOptionsResult.Fail(
                "Sandbox:Embedded and Sandbox:BaseUrl are refused in Production: the sandbox tenant is for local use only.")
            : ValidateOptionsResult.Success;
    }

    public ValidateOptionsResult Validate(string? name, TenantOptions options)
    {
        if (!environment.IsProduction())
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        foreach (var (setting, url) in new[]
                 {
                     ("Tenant:Instance", options.Instance),
                     ("Tenant:GraphBaseUrl", options.GraphBaseUrl),
                     ("Tenant:BotOpenIdMetadataUrl", options.BotOpenIdMetadataUrl),
                 })
        {
            if (url is null || url.Scheme != Uri.UriSchemeHttps || url.IsLoopback)
            {
                failures.Add($"{setting} must be an https address of Microsoft 365 in Production (found '{url}').");
            }
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Tenant:ClientSecret is required in Production.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
