using System.Diagnostics;

namespace TeamsPrevention.Shared;

/// <summary>
/// The App as a real process of its own (<c>dotnet TeamsPrevention.App.dll</c> from the App's build output, same
/// configuration as the caller's build), on Kestrel, configured by environment variables; its last 40 lines of
/// output are kept for failure messages; <see cref="Kill"/> sends SIGKILL. Shared as a linked file by the end-to-end
/// tests and the benchmarks.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private const int KeptLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private AppProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    /// <summary>Every line the App writes (standard output and error), as it arrives (on a reader thread).</summary>
    public event Action<string>? LineReceived;

    /// <summary>The App's dll next to the caller's configuration (<c>src/TeamsPrevention.App/bin/{Configuration}/{tfm}</c>).</summary>
    public static string AppDll()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = bin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TeamsPrevention.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Run from the repository (TeamsPrevention.sln not found above the binary)."),
            "src", "TeamsPrevention.App", "bin", bin.Parent!.Name, bin.Name, "TeamsPrevention.App.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the App first.", dll);
    }

    /// <summary>
    /// Starts the App on <paramref name="baseUrl"/> (<c>Urls</c>, overriding appsettings.json) with
    /// <paramref name="environment"/> and waits until <c>GET /health/ready</c> answers 2xx: until
    /// <paramref name="cancellationToken"/> is cancelled, or at most <paramref name="readyWithin"/> when given.
    /// Fails with the App's last lines when it exits or is not ready in time.
    /// </summary>
    public static async Task<AppProcess> StartAsync(
        Uri baseUrl,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken,
        TimeSpan? readyWithin = null)
    {
        var dll = AppDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["Urls"] = baseUrl.ToString().TrimEnd('/'); // environment variables come after appsettings.json
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("The App did not start."));
        try
        {
            await app.WaitUntilReadyAsync(baseUrl, readyWithin, cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown, no finally blocks, sends in flight cut off.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public string LastLines()
    {
        lock (_lastLines)
        {
            return string.Join('\n', _lastLines);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(Uri baseUrl, TimeSpan? readyWithin, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var until = readyWithin is { } limit ? DateTime.UtcNow + limit : DateTime.MaxValue;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The App exited at start:\n" + LastLines());
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("health/ready", UriKind.Relative), cancellationToken);
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The App was not ready in {readyWithin!.Value.TotalSeconds:F0} s:\n" + LastLines());
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        LineReceived?.Invoke(line);
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
