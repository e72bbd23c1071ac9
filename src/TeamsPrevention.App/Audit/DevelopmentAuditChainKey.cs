using Microsoft.Extensions.Options;

namespace TeamsPrevention.App.Audit;

/// <summary>
/// Outside Production only: when no chain key is configured, uses a key file generated once under the user's local
/// app data (so every instance on the machine, and every restart, verifies the same chain). Production never gets one.
/// Rotating a development key: add a line at the end of that file.
/// </summary>
internal sealed class DevelopmentAuditChainKey(IHostEnvironment environment) : IPostConfigureOptions<AuditChainOptions>
{
    public void PostConfigure(string? name, AuditChainOptions options)
    {
        if (options.ChainKeys is { Count: > 0 } || !string.IsNullOrWhiteSpace(options.ChainKeyFile) || environment.IsProduction())
        {
            return;
        }

        var path = Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "TeamsPrevention", "audit-chain-dev.keys");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(stream);
                writer.WriteLine("# TeamsPrevention development audit chain keys: id:base64, oldest first; the last one seals new entries.");
                writer.WriteLine(AuditKeyRing.NewKeyLine("dev"));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance wrote it first: use theirs.
            }
        }

        options.ChainKeyFile = path;
    }
}
