using System.Diagnostics;
using System.Text.Json.Nodes;
using TeamsPrevention.Shared;

namespace TeamsPrevention.Tests.Infrastructure;

/// <summary>
/// Checks Adaptive Cards with the official renderer's parser (npm <c>adaptivecards</c> 3.0.6, in <c>CardCheck/</c>):
/// <c>card.parse</c> + <c>card.validateProperties()</c> errors, plus what the renderer misses and Teams needs (version at
/// most 1.5, TextBlock with text, Image with url, Action.Execute with a verb, under 28 KB). One Node process serves the
/// whole test run (started on first use, <c>npm ci</c> first when node_modules is missing or older than the lock file);
/// requests are serialised over its stdin/stdout, one line each.
/// </summary>
public static class AdaptiveCardValidator
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly NpmPackages Packages = new(
        NpmPackages.Locate(typeof(AdaptiveCardValidator).Assembly, "CardCheckDirectory", Path.Combine("tests", "TeamsPrevention.Tests", "CardCheck")),
        ["adaptivecards/dist/adaptivecards.js"]);

    private static Process? _node;

    /// <summary>The folder holding package.json, package-lock.json, check-cards.js and node_modules.</summary>
    public static string Directory => Packages.Directory;

    /// <summary>The errors of each card, in order (an empty list for a valid card).</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> ValidateAsync(IReadOnlyList<JsonNode> cards, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cards);
        if (cards.Count == 0)
        {
            return [];
        }

        var request = new JsonArray([.. cards.Select(c => c.DeepClone())]).ToJsonString();
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var node = await StartedAsync(cancellationToken);
            await node.StandardInput.WriteLineAsync(request.AsMemory(), cancellationToken);
            await node.StandardInput.FlushAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var line = await node.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"The card checker stopped: {await node.StandardError.ReadToEndAsync(cancellationToken)}");
            var answer = JsonNode.Parse(line);
            if (answer is not JsonArray results || results.Count != cards.Count)
            {
                throw new InvalidOperationException($"The card checker answered: {line}");
            }

            return [.. results.Select(r => (IReadOnlyList<string>)[.. r!.AsArray().Select(e => e!.GetValue<string>())])];
        }
        catch
        {
            // A broken pipe or a timeout: the next call starts a fresh process.
            Stop();
            throw;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The errors of one card (empty when valid).</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(JsonNode card, CancellationToken cancellationToken = default) =>
        (await ValidateAsync([card], cancellationToken))[0];

    /// <summary>Fails with every error of every card, each named.</summary>
    public static async Task AssertValidAsync(IReadOnlyDictionary<string, JsonNode> namedCards)
    {
        ArgumentNullException.ThrowIfNull(namedCards);
        var names = namedCards.Keys.ToList();
        var results = await ValidateAsync([.. names.Select(n => namedCards[n])]);
        var failures = names.Zip(results).Where(p => p.Second.Count > 0).Select(p => $"{p.First}:\n  {string.Join("\n  ", p.Second)}").ToList();
        Assert.True(failures.Count == 0, "Invalid Adaptive Card(s):\n" + string.Join('\n', failures));
    }

    public static Task AssertValidAsync(JsonNode card, string name = "card") =>
        AssertValidAsync(new Dictionary<string, JsonNode> { [name] = card });

    private static async Task<Process> StartedAsync(CancellationToken cancellationToken)
    {
        if (_node is { HasExited: false } running)
        {
            return running;
        }

        await Packages.EnsureInstalledAsync(cancellationToken);
        var start = new ProcessStartInfo("node", ["check-cards.js", "--lines"])
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        _node.StandardInput.AutoFlush = false;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        return _node;
    }

    private static void OnProcessExit(object? sender, EventArgs e) => Stop();

    private static void Stop()
    {
        var node = Interlocked.Exchange(ref _node, null);
        if (node is null)
        {
            return;
        }

        try
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        node.Dispose();
    }
}
