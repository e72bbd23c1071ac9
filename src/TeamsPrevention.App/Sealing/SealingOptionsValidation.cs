using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Sealing;

/// <summary>Refuses to start without a sealing key in Production, or with a ring that does not parse.</summary>
internal sealed class SealingOptionsValidation(IHostEnvironment environment) : IValidateOptions<SealingOptions>
{
    public ValidateOptionsResult Validate(string? name, SealingOptions options)
    {
        if (options.Keys is not { Count: > 0 } && string.IsNullOrWhiteSpace(options.KeyFile) && string.IsNullOrWhiteSpace(options.IdentityKey))
        {
            return ValidateOptionsResult.Fail(environment.IsProduction()
                ? "Sealing:Keys (or Sealing:KeyFile, or Situations:IdentityKey) is required in Production: the key sealing case content, base64 of 32 bytes, kept outside the database."
                : "Sealing:Keys (or Situations:IdentityKey) is missing and no development key could be made.");
        }

        if (options.BatchSize is < 1 or > 10_000 || options.BatchPause < TimeSpan.Zero || options.RecheckInterval <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("Sealing:BatchSize must be 1–10000, BatchPause not negative and RecheckInterval positive.");
        }

        return SealingKeyRing.TryLoad(options, out _, out var error) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error);
    }
}
