using TeamsPrevention.App.Bot;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Situations;

/// <summary>The directory person behind a bot turn (by the Entra object id Teams gives), or null.</summary>
internal static class SituationBotActor
{
    public static async Task<DirectoryPerson?> FindAsync(DirectoryService directory, TurnContext turn, CancellationToken cancellationToken) =>
        Guid.TryParse(turn.PersonAadObjectId, out var oid) && await directory.FindByEntraObjectIdAsync(oid, cancellationToken) is { Active: true } person
            ? person
            : null;
}
