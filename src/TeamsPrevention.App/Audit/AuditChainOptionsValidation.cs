using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Audit;

/// <summary>Refuses to start without a chain key in Production, or with a key ring that does not parse.</summary>
internal sealed class AuditChainOptionsValidation(IHostEnvironment environment) : IValidateOptions<AuditChainOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditChainOptions options)
    {
        if (options.ChainKeys is not { Count: > 0 } && string.IsNullOrWhiteSpace(options.ChainKeyFile))
        {
            return ValidateOptionsResult.Fail(environment.IsProduction()
                ? "Audit:ChainKeys (or Audit:ChainKeyFile) is required in Production: the audit chain's HMAC key, base64 of 32 bytes, kept outside the database."
                : "Audit:ChainKeys is missing and no development key could be made.");
        }

        return AuditKeyRing.TryLoad(options, out _, out var error) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error);
    }
}
