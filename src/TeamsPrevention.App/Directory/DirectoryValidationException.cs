namespace TeamsPrevention.App.Directory;

/// <summary>Input the directory refuses; nothing was written. The endpoints answer it as a 400 ValidationProblem.</summary>
public sealed class DirectoryValidationException(IReadOnlyDictionary<string, string[]> errors, string title)
    : Exception("The directory refused the input: " + string.Join(", ", errors.Keys))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>The problem's title, in the language of the person who sent the input.</summary>
    public string Title { get; } = title;
}
