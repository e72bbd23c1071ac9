using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Sealing;

/// <summary>
/// Outside Production only: when no sealing key is configured, uses a key generated once and kept in a file (the
/// identity key file of earlier versions, so every instance on the machine, every restart and every database made
/// before opens the same data). Production never gets one.
/// </summary>
internal sealed class DevelopmentSealingKey(IHostEnvironment environment) : IPostConfigureOptions<SealingOptions>
{
    public void PostConfigure(string? name, SealingOptions options)
    {
        if (options.Keys is { Count: > 0 } || !string.IsNullOrWhiteSpace(options.KeyFile) || !string.IsNullOrWhiteSpace(options.IdentityKey)
            || environment.IsProduction())
        {
            return;
        }

        var path = options.DevelopmentKeyPath ?? Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "TeamsPrevention", "situations-identity-dev.key");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(stream);
                writer.Write(fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance wrote it first: use theirs.
            }
        }

        options.IdentityKey = File.ReadAllText(path).Trim();
    }
}
