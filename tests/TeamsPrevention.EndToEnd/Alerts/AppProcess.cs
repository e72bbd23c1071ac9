using System.Diagnostics;

namespace TeamsPrevention.EndToEnd.Alerts;

/// <summary>
/// The App as a real process of its own (<c>dotnet TeamsPrevention.App.dll</c> from the App's build output, same
/// configuration as these tests), on Kestrel, configured by environment variables; <see cref="Kill"/> sends SIGKILL.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
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

    /// <summary>The App's dll next to this test assembly's configuration (<c>src/TeamsPrevention.App/bin/{Configuration}/{tfm}</c>).</summary>
    public static string AppDll()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = bin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TeamsPrevention.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("TeamsPrevention.sln not found above the tests."),
            "src", "TeamsPrevention.App", "bin", bin.Parent!.Name, bin.Name, "TeamsPrevention.App.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the App first.", dll);
    }

    public static async Task<AppProcess> StartAsync(Uri baseUrl, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
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
        start.Environment["Urls"] = baseUrl.ToString().TrimEnd('/');
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("The App did not start."));
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (app._process.HasExited)
            {
                throw new InvalidOperationException("The App exited at start:\n" + app.LastLines());
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("health/ready", UriKind.Relative), cancellationToken);
                if (ready.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cancellationToken);
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

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
