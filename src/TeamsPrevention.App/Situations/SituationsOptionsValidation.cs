using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Situations;

/// <summary>Refuses to start with a bad identity key, the demo history in Production, or retention and review periods that break the rules.</summary>
internal sealed class SituationsOptionsValidation(IHostEnvironment environment) : IValidateOptions<SituationsOptions>
{
    public ValidateOptionsResult Validate(string? name, SituationsOptions options)
    {
        var errors = new List<string>();
        // A key is required (in Production) by the sealing ring, of which this key is the oldest (Sealing/).
        if (!string.IsNullOrWhiteSpace(options.IdentityKey) && !Sealing.SealingKeyRing.TryParseKey(options.IdentityKey, out _))
        {
            errors.Add("Situations:IdentityKey must be base64 of exactly 32 bytes.");
        }

        if (options.SeedDemoHistory && environment.IsProduction())
        {
            errors.Add("Situations:SeedDemoHistory is refused in Production: the demo history is fictitious, for local use only.");
        }

        if (options.MaxReviewInterval <= TimeSpan.Zero || options.MaxReviewInterval > TimeSpan.FromDays(366))
        {
            errors.Add("Situations:MaxReviewInterval must be between 0 and one year.");
        }

        if (options.DeclinedRetention <= TimeSpan.Zero || options.DeclinedRetention > TimeSpan.FromDays(186))
        {
            errors.Add("Situations:DeclinedRetention must be positive and at most six months.");
        }

        if (options.UndecidedRetention <= TimeSpan.Zero || options.UndecidedRetention > TimeSpan.FromDays(366))
        {
            errors.Add("Situations:UndecidedRetention must be positive and at most a year.");
        }

        if (options.ClosedRetention < options.DeclinedRetention)
        {
            errors.Add("Situations:ClosedRetention must not be shorter than DeclinedRetention (declined signals are kept shortest).");
        }

        var lastAfterCare = options.EffectiveAfterCareMonths.DefaultIfEmpty(0).Max();
        if (options.EffectiveAfterCareMonths.Any(m => m <= 0) || TimeSpan.FromDays(lastAfterCare * 31) > options.ClosedRetention)
        {
            errors.Add("Situations:AfterCareMonths must be positive and fall within ClosedRetention.");
        }

        if (options.EffectiveIndicators.Any(i => string.IsNullOrWhiteSpace(i.Key) || string.IsNullOrWhiteSpace(i.Fr))
            || options.EffectiveIndicators.Select(i => i.Key).Distinct(StringComparer.Ordinal).Count() != options.EffectiveIndicators.Count)
        {
            errors.Add("Situations:AlertIndicators need a unique Key and a French label each.");
        }

        if (options.ReconcileInterval <= TimeSpan.Zero || options.LeaseDuration <= TimeSpan.Zero || options.PassInterval <= TimeSpan.Zero)
        {
            errors.Add("Situations:ReconcileInterval and LeaseDuration must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
