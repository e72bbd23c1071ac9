using System.ComponentModel.DataAnnotations;

namespace TeamsPrevention.App.Hosting;

/// <summary>The App's own address and limits. Bound from the <c>App</c> section.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The address users and the sandbox reach this App at (links in cards, embedded sandbox URLs).</summary>
    [Required]
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:5080");
}
