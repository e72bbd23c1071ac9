namespace TeamsPrevention.App.Alerts;

/// <summary>No situations yet: no need-to-know list is known.</summary>
internal sealed class NoNeedToKnowLists : INeedToKnowLists
{
    public Task<IReadOnlyList<Guid>?> GetPeopleAsync(string situationCode, Guid requestedBy, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Guid>?>(null);

    public Task<IReadOnlySet<string>> VisibleAsync(IReadOnlyCollection<string> situationCodes, Directory.DirectoryPerson person, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());
}
