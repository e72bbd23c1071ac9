using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Directory;

/// <summary>
/// A change of the directory the caller has no right to make (their own roles, a case role without being the Chair…):
/// answered 403 with the reason in their language; nothing was written and the refusal is audited as Denied.
/// </summary>
public sealed class DirectoryRefusal(string title, string detail)
    : ProblemException(StatusCodes.Status403Forbidden, title, detail, null);
