using System.Diagnostics;
using System.Globalization;

namespace TeamsPrevention.Bench;

/// <summary>
/// The memory of the App's process: its working set sampled every 100 ms while this object lives, and the kernel's
/// peak and current resident set (<c>VmHWM</c>, <c>VmRSS</c> in <c>/proc/{pid}/status</c>, Linux).
/// </summary>
internal sealed class AppMemory : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peakWorkingSet;

    public AppMemory(int processId)
    {
        _process = Process.GetProcessById(processId);
        _sampler = SampleAsync(_stop.Token);
    }

    public long PeakWorkingSetSampled => Interlocked.Read(ref _peakWorkingSet);

    /// <summary>Peak resident set size (VmHWM) and current (VmRSS) in bytes.</summary>
    public (long Peak, long Current) Kernel()
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

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
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
}
