using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// Outside Production only: when no <c>Situations:IdentityKey</c> is configured, uses a key generated once and kept
/// in a file (so every instance on the machine, and every restart, opens the same data). Production never gets one.
/// </summary>
internal sealed class DevelopmentIdentityKey(IHostEnvironment environment) : IPostConfigureOptions<SituationsOptions>
{
    public void PostConfigure(string? name, SituationsOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.IdentityKey) || environment.IsProduction())
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
