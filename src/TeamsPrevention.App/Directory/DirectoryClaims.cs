using System.Security.Claims;

namespace TeamsPrevention.App.Directory;

/// <summary>Reads the Entra object id from an authenticated principal (the only claim the directory trusts).</summary>
public static class DirectoryClaims
{
    public const string ObjectId = "oid";
    public const string ObjectIdUri = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    /// <summary>The <c>oid</c> claim (short or long form), or null when absent or not a GUID.</summary>
    public static Guid? GetObjectId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var value = principal.FindFirst(ObjectId)?.Value ?? principal.FindFirst(ObjectIdUri)?.Value;
        return Guid.TryParse(value, out var oid) ? oid : null;
    }
}
