using Microsoft.Extensions.Options;
using TeamsPrevention.Sandbox.Realism;

namespace TeamsPrevention.Sandbox;

/// <summary>Checks what data annotations cannot: rate windows parse, URLs are absolute http(s).</summary>
internal sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        var failures = new List<string>();
        var limits = options.RateLimits;
        foreach (var (key, value) in new[]
                 {
                     (nameof(limits.BotSendPerThread), limits.BotSendPerThread),
                     (nameof(limits.BotCreatePerThread), limits.BotCreatePerThread),
                     (nameof(limits.BotGetPerThread), limits.BotGetPerThread),
                     (nameof(limits.AllBotsPerThread), limits.AllBotsPerThread),
                     (nameof(limits.BotPerTenant), limits.BotPerTenant),
                     (nameof(limits.GraphPerAppPerTenant), limits.GraphPerAppPerTenant),
                     (nameof(limits.GraphPerTeamOrChannel), limits.GraphPerTeamOrChannel),
                 })
        {
            try
            {
                RateWindow.ParseList(value);
            }
            catch (FormatException exception)
            {
                failures.Add($"{SandboxOptions.Section}:RateLimits:{key}: {exception.Message}");
            }
        }

        foreach (var (key, url) in new[] { ("BotEndpoint", options.BotEndpoint), ("PublicBaseUrl", options.PublicBaseUrl) })
        {
            if (url is not null && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
            {
                failures.Add($"{SandboxOptions.Section}:{key} must be an absolute http(s) URL.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
