using TeamsPrevention.App.Directory;

namespace TeamsPrevention.Tests.Security;

/// <summary>What one role gets from one operation on the object of <see cref="AuthorizationWorld"/> it may not see.</summary>
public enum AccessKind
{
    /// <summary>Refused with <see cref="AccessCell.Status"/>, a Denied audit entry, none of the object's markers in the body.</summary>
    Refused,

    /// <summary>Answered (2xx) with none of the object: no content marker, not the situation's code, not the object's id (a list).</summary>
    Absent,

    /// <summary>Answered (2xx) without the situation: no content marker and not its code (an alert's follower, a meeting's restricted item).</summary>
    Hidden,

    /// <summary>Answered (2xx) with metadata only: no content marker (the code may be there: the DPO and the Admin see metadata).</summary>
    MetadataOnly,

    /// <summary>The role may do this to the object (the reason is said): not probed, so that the world stays as it is.</summary>
    Allowed,
}

/// <summary>One cell of the matrix.</summary>
public sealed record AccessCell(AccessKind Kind, int Status = 0, string? Reason = null);

/// <summary>The cells of one operation, one per role; built with <c>+</c> so that a role given twice throws.</summary>
public sealed class AccessCells
{
    private readonly Dictionary<DirectoryRole, AccessCell> _cells = [];

    public IReadOnlyDictionary<DirectoryRole, AccessCell> Cells => _cells;

    public static AccessCells Refused(int status, params DirectoryRole[] roles) => Of(new AccessCell(AccessKind.Refused, status), roles);

    public static AccessCells Absent(params DirectoryRole[] roles) => Of(new AccessCell(AccessKind.Absent), roles);

    public static AccessCells Hidden(params DirectoryRole[] roles) => Of(new AccessCell(AccessKind.Hidden), roles);

    public static AccessCells MetadataOnly(params DirectoryRole[] roles) => Of(new AccessCell(AccessKind.MetadataOnly), roles);

    public static AccessCells Allowed(string reason, params DirectoryRole[] roles) => Of(new AccessCell(AccessKind.Allowed, Reason: reason), roles);

    /// <summary>The same cell for every role.</summary>
    public static AccessCells Everyone(AccessCell cell) => Of(cell, Enum.GetValues<DirectoryRole>());

    public static AccessCells operator +(AccessCells left, AccessCells right)
    {
        var sum = new AccessCells();
        foreach (var (role, cell) in left._cells.Concat(right._cells))
        {
            if (!sum._cells.TryAdd(role, cell))
            {
                throw new InvalidOperationException($"The role {role} is given twice.");
            }
        }

        return sum;
    }

    private static AccessCells Of(AccessCell cell, DirectoryRole[] roles)
    {
        var cells = new AccessCells();
        foreach (var role in roles)
        {
            cells._cells.Add(role, cell);
        }

        return cells;
    }
}
