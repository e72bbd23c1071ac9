using System.Text.Json.Nodes;

namespace TeamsPrevention.Tests.Package;

/// <summary>What one run of build.mjs gave: its exit code, its JSON report (last line of stdout), its stderr, and
/// where its zip is written when the build succeeds.</summary>
public sealed record AppPackageBuildResult(int ExitCode, JsonObject Report, string Log, string ZipPath)
{
    public bool Ok => Report["ok"]?.GetValue<bool>() == true;

    public IReadOnlyList<string> Errors => Strings("errors");

    public IReadOnlyList<string> Warnings => Strings("warnings");

    /// <summary>A readable account for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n{Log}";

    private List<string> Strings(string name) =>
        Report[name] is JsonArray array ? [.. array.Select(e => e!.GetValue<string>())] : [];
}
