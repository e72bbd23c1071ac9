using System.Diagnostics;
using System.Text.Json;

namespace TeamsPrevention.Tests.Web;

/// <summary>
/// The front end's component tests (Vitest, in <c>src/TeamsPrevention.Web</c>), run once per test run with the JSON
/// reporter so that each test file shows here as its own test. <c>npm ci</c> there is done by the App's build.
/// </summary>
internal static class VitestRun
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, FileResult>>> Results = new(RunAsync);

    public static string WebDirectory { get; } = FindWebDirectory();

    /// <summary>Every <c>*.test.ts(x)</c> file, relative to the web project (<c>src/shell/router.test.ts</c>).</summary>
    public static IReadOnlyList<string> TestFiles() =>
        [.. System.IO.Directory.EnumerateFiles(Path.Combine(WebDirectory, "src"), "*.test.ts*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(WebDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public static Task<IReadOnlyDictionary<string, FileResult>> ResultsAsync() => Results.Value;

    private static async Task<IReadOnlyDictionary<string, FileResult>> RunAsync()
    {
        var report = Path.Combine(Path.GetTempPath(), $"tp-vitest-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("node", ["node_modules/vitest/vitest.mjs", "run", "--reporter=json", $"--outputFile={report}"])
        {
            WorkingDirectory = WebDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CI"] = "1";
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await node.WaitForExitAsync(timeout.Token);
        if (!File.Exists(report))
        {
            throw new InvalidOperationException($"Vitest wrote no report (exit {node.ExitCode}):\n{await output}\n{await error}");
        }

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        File.Delete(report);
        var results = new Dictionary<string, FileResult>(StringComparer.Ordinal);
        foreach (var file in json.RootElement.GetProperty("testResults").EnumerateArray())
        {
            var name = Path.GetRelativePath(WebDirectory, file.GetProperty("name").GetString()!).Replace('\\', '/');
            var tests = file.GetProperty("assertionResults").EnumerateArray()
                .Select(a => new TestResult(
                    a.GetProperty("fullName").GetString()!,
                    a.GetProperty("status").GetString()!,
                    string.Join('\n', a.GetProperty("failureMessages").EnumerateArray().Select(m => m.GetString()))))
                .ToList();
            results[name] = new FileResult(file.GetProperty("status").GetString()!, file.TryGetProperty("message", out var m) ? m.GetString() : null, tests);
        }

        return results;
    }

    private static string FindWebDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "TeamsPrevention.Web");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("src/TeamsPrevention.Web was not found above the test assembly.");
    }

    public sealed record FileResult(string Status, string? Message, IReadOnlyList<TestResult> Tests);

    public sealed record TestResult(string Name, string Status, string Failure);
}
