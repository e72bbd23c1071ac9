namespace TeamsPrevention.App.Alerts;

/// <summary>
/// The seam to a situation's need-to-know list, implemented by the Situations feature (which registers itself over
/// <see cref="NoNeedToKnowLists"/>).
/// </summary>
public interface INeedToKnowLists
{
    /// <summary>
    /// The directory ids of the people on the situation's list, or null when the situation is unknown to
    /// <paramref name="requestedBy"/> (who must be on the list, or see all, to address it).
    /// </summary>
    Task<IReadOnlyList<Guid>?> GetPeopleAsync(string situationCode, Guid requestedBy, CancellationToken cancellationToken);

    /// <summary>
    /// Those of <paramref name="situationCodes"/> (as given) whose situation <paramref name="person"/> may see the content
    /// of now (on its list, or the Chair). A code naming no situation is not among them.
    /// </summary>
    Task<IReadOnlySet<string>> VisibleAsync(IReadOnlyCollection<string> situationCodes, Directory.DirectoryPerson person, CancellationToken cancellationToken);
}
