using System.Security.Claims;

namespace TeamsPrevention.App.Directory;

/// <summary>
/// The signed-in person as the directory knows them, looked up once per request from the principal's Entra object id.
/// Null when the principal has no object id, or the id is not in the directory, or the person is inactive.
/// </summary>
public sealed class CurrentPerson(DirectoryService directory)
{
    private Guid? _resolvedFor;
    private DirectoryPerson? _person;

    public async Task<DirectoryPerson?> GetAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.GetObjectId() is not { } oid)
        {
            return null;
        }

        if (_resolvedFor != oid)
        {
            var person = await directory.FindByEntraObjectIdAsync(oid, cancellationToken);
            _person = person is { Active: true } ? person : null;
            _resolvedFor = oid;
        }

        return _person;
    }
}
