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
            // Written aside and moved in place: an instance starting at the same moment never reads a half-written file.
            var fresh = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllLines(fresh, ["# TeamsPrevention development audit chain keys: id:base64, oldest first; the last one seals new entries.", AuditKeyRing.NewKeyLine("dev")]);
            try
            {
                File.Move(fresh, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance wrote it first: use theirs.
                File.Delete(fresh);
            }
        }

        options.ChainKeyFile = path;
    }
}
