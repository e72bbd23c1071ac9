using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Tab;

/// <summary>
/// The Teams app id, when given, is a GUID (what a manifest and the organisation's catalogue use); Production needs
/// one, or every card's link would leave Teams for a web page that only says to open the app in Teams.
/// </summary>
internal sealed class TabOptionsValidation(IHostEnvironment environment) : IValidateOptions<TabOptions>
{
    public ValidateOptionsResult Validate(string? name, TabOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TeamsAppId))
        {
            return environment.IsProduction()
                ? ValidateOptionsResult.Fail("Tab:TeamsAppId is required in Production: the Teams app id (TP_TEAMS_APP_ID of the app package, or its id in the organisation's catalogue), for the links in cards and bot messages.")
                : ValidateOptionsResult.Success;
        }

        return Guid.TryParseExact(options.TeamsAppId.Trim(), "D", out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Tab:TeamsAppId must be a GUID (the id of the Teams app package).");
    }
}
