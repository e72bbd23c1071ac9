namespace TeamsPrevention.App.Hosting;

/// <summary>
/// A request a feature refuses, nothing changed: answered as ProblemDetails (a validation problem when it names
/// fields). Titles are French (users read them) and never carry personal data. Each feature has its own subclass.
/// </summary>
public abstract class ProblemException(int status, string title, string? detail, IDictionary<string, string[]>? errors)
    : Exception(title)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;

    public IDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>Members of the problem document beyond the standard ones (none unless a subclass adds them).</summary>
    public virtual IReadOnlyDictionary<string, object?>? Extensions => null;

    /// <summary>The problem document: status, title, detail, the field errors and the extensions.</summary>
    public HttpValidationProblemDetails ToProblemDetails()
    {
        var details = new HttpValidationProblemDetails(Errors ?? new Dictionary<string, string[]>()) { Status = Status, Title = Title, Detail = Detail };
        foreach (var (key, value) in Extensions ?? new Dictionary<string, object?>())
        {
            details.Extensions[key] = value;
        }

        return details;
    }
}
