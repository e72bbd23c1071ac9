using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Bot;

/// <summary>Refuses the anonymous bot mode in Production, and delays that make no sense anywhere.</summary>
internal sealed class BotOptionsValidation(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (options.AllowAnonymous && environment.IsProduction())
        {
            failures.Add("Bot:AllowAnonymous is refused in Production: every activity must carry a valid token there.");
        }

        if (environment.IsProduction() && options.ChannelServiceUrls.Any(u => u.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("Bot:ChannelServiceUrls must all be https in Production.");
        }

        var connector = options.Connector;
        if (connector.BaseDelay < TimeSpan.Zero || connector.MaxDelay < connector.BaseDelay)
        {
            failures.Add("Bot:Connector:BaseDelay must be positive and not larger than Bot:Connector:MaxDelay.");
        }

        if (connector.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add("Bot:Connector:AttemptTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
