using System.Diagnostics;
using System.Globalization;

namespace TeamsPrevention.Bench;

/// <summary>
/// The App as its own process (<c>dotnet TeamsPrevention.App.dll</c>, same configuration as this benchmark's build) on
/// Kestrel, configured by environment variables. Samples its working set while running; reads the kernel's peak (VmHWM).
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private readonly Queue<string> _lastLines = new();
    private long _peakWorkingSet;

    private AppProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _sampler = SampleAsync(_stop.Token);
    }

    public Uri BaseUrl { get; }

    public int Id => _process.Id;

    public long PeakWorkingSetSampled => Interlocked.Read(ref _peakWorkingSet);

    public static async Task<AppProcess> StartAsync(string appDll, Uri baseUrl, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(appDll);
        start.Environment["Urls"] = baseUrl.ToString().TrimEnd('/'); // overrides appsettings.json (environment variables come after it)
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The App did not start.");
        var app = new AppProcess(process, baseUrl);
        using var http = new HttpClient { BaseAddress = baseUrl };
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The App exited at start:\n" + app.LastLines());
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("The App was not ready in 90 s:\n" + app.LastLines());
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Peak resident set size (VmHWM) and current (VmRSS) in bytes, from /proc (Linux).</summary>
    public (long Peak, long Current) KernelMemory()
    {
        long peak = 0, current = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                current = Kilobytes(line) * 1024;
            }
        }

        return (peak, current);
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
        await _stop.CancelAsync();
        await _sampler;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _stop.Dispose();
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                _process.Refresh();
                var workingSet = _process.WorkingSet64;
                if (workingSet > Interlocked.Read(ref _peakWorkingSet))
                {
                    Interlocked.Exchange(ref _peakWorkingSet, workingSet);
                }

                await Task.Delay(100, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (InvalidOperationException)
            {
                return;
            }
        }
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
