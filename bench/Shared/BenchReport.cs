using System.Globalization;
using System.Text;

namespace TeamsPrevention.Shared;

/// <summary>
/// A benchmark run's report: every line printed and kept, written at the end to <c>results.txt</c> in the run's own temp
/// folder; plus what both benchmarks print about the machine and read from their command line. Shared as a linked file
/// by the benchmarks.
/// </summary>
internal sealed class BenchReport(string workPrefix)
{
    private readonly StringBuilder _lines = new();

    /// <summary>The run's own folder (<c>/tmp/{prefix}*</c>), kept after the run.</summary>
    public DirectoryInfo Work { get; } = Directory.CreateTempSubdirectory(workPrefix);

    /// <summary>Debug or Release: the configuration of this benchmark's build, and so of the App it starts.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The 1, 5 and 15 minute load averages (the machine is shared: print them with the figures).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The value after <paramref name="name"/> on the command line, or <paramref name="fallback"/>.</summary>
    public static T Option<T>(string[] args, string name, T fallback)
        where T : IParsable<T> =>
        Text(args, name) is { } text ? T.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The text after <paramref name="name"/> on the command line, or <paramref name="fallback"/>.</summary>
    public static string Option(string[] args, string name, string fallback) => Text(args, name) ?? fallback;

    public void Say(string line)
    {
        Console.WriteLine(line);
        _lines.AppendLine(line);
    }

    /// <summary>Writes every line said to <c>results.txt</c> in <see cref="Work"/> and prints where.</summary>
    public async Task WriteAsync()
    {
        var path = Path.Combine(Work.FullName, "results.txt");
        await File.WriteAllTextAsync(path, _lines.ToString());
        Console.WriteLine($"results: {path}");
    }

    private static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
