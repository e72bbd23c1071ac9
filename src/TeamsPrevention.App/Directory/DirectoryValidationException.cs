namespace TeamsPrevention.App.Directory;

/// <summary>Input the directory refuses; nothing was written. The endpoints answer it as a 400 ValidationProblem.</summary>
public sealed class DirectoryValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The directory refused the input: " + string.Join(", ", errors.Keys))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
