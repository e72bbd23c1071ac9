using System.Globalization;

namespace TeamsPrevention.Sandbox.Realism;

/// <summary>At most <see cref="Limit"/> requests in any sliding <see cref="Window"/>.</summary>
public readonly record struct RateWindow(int Limit, TimeSpan Window)
{
    /// <summary>Parses <c>"7/1s, 8/2s, 60/30s, 1800/1h"</c> (units <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>).</summary>
    public static IReadOnlyList<RateWindow> ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var windows = new List<RateWindow>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('/', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2
                || !int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
                || limit < 1
                || !TryParseDuration(pieces[1], out var window))
            {
                throw new FormatException($"'{part}' is not a rate window like '7/1s'.");
            }

            windows.Add(new RateWindow(limit, window));
        }

        return windows;
    }

    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var unitStart = text.Length;
        while (unitStart > 0 && char.IsLetter(text[unitStart - 1]))
        {
            unitStart--;
        }

        if (!double.TryParse(text[..unitStart], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        duration = text[unitStart..] switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.Zero,
        };
        return duration > TimeSpan.Zero;
    }
}
