using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Hosting;

/// <summary>The App's own address and limits. Bound from the <c>App</c> section.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>
    /// The address users and the sandbox reach this App at (links in cards, embedded sandbox URLs). Unset: the first
    /// address the App listens on (<c>Urls</c>, <c>--urls</c>, <c>ASPNETCORE_URLS</c>; a wildcard host read as
    /// <c>localhost</c>), so an embedded sandbox is reached where the App actually listens; else <c>http://localhost:5080</c>.
    /// </summary>
    [Required]
    public Uri PublicBaseUrl { get; set; } = DefaultPublicBaseUrl;

    internal static readonly Uri DefaultPublicBaseUrl = new("http://localhost:5080");

    /// <summary>The options as configured, <see cref="PublicBaseUrl"/> taken from the listening address when unset.</summary>
    internal static AppOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<AppOptions>() ?? new AppOptions();
        if (string.IsNullOrWhiteSpace(configuration[$"{Section}:{nameof(PublicBaseUrl)}"]) && ListeningAddress(configuration["urls"]) is { } listening)
        {
            options.PublicBaseUrl = listening;
        }

        return options;
    }

    /// <summary>The first of Kestrel's <c>urls</c> with a fixed port, a wildcard host (<c>*</c>, <c>+</c>, 0.0.0.0, [::]) as localhost.</summary>
    internal static Uri? ListeningAddress(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var normalized = url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
            if (Uri.TryCreate(normalized, UriKind.Absolute, out var uri) && uri.Port > 0)
            {
                return new Uri(uri.GetLeftPart(UriPartial.Authority));
            }
        }

        return null;
    }
}
