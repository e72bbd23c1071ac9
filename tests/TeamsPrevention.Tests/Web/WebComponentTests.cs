namespace TeamsPrevention.Tests.Web;

/// <summary>The front end's Vitest files, one test here per file (a file whose tests fail, or that fails to load, fails).</summary>
public sealed class WebComponentTests
{
    public static TheoryData<string> Files() => [.. VitestRun.TestFiles()];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task PassesEveryTestOf(string file)
    {
        var results = await VitestRun.ResultsAsync();
        Assert.True(results.TryGetValue(file, out var result), $"Vitest did not report {file}.");
        var failures = result.Tests.Where(t => t.Status != "passed").Select(t => $"{t.Name}: {t.Status}\n{t.Failure}").ToList();
        Assert.True(
            result.Status == "passed" && failures.Count == 0 && result.Tests.Count > 0,
            $"{file}: {result.Status} {result.Message}\n{string.Join("\n\n", failures)}");
    }

    [Fact]
    public void FindsTheFrontEndsTestFiles()
    {
        Assert.Contains("src/shell/router.test.ts", VitestRun.TestFiles());
    }
}
