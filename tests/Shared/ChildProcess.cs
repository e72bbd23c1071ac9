using System.Diagnostics;

namespace TeamsPrevention.Shared;

/// <summary>Runs a program to its end with its output captured, killed (with its children) when it overruns. Shared as a linked file by the test projects.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Starts <paramref name="start"/> (its standard output and error must be redirected) and waits for it, at most
    /// <paramref name="limit"/>: past that, or when <paramref name="cancellationToken"/> is cancelled, the process tree
    /// is killed and <see cref="OperationCanceledException"/> is thrown.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        ProcessStartInfo start, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
