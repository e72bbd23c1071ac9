using Microsoft.AspNetCore.Authorization;

namespace TeamsPrevention.App.Directory;

/// <summary>An active directory member holding one of <see cref="Roles"/> (any member when empty).</summary>
public sealed class DirectoryRoleRequirement(IReadOnlyList<DirectoryRole> roles) : IAuthorizationRequirement
{
    public IReadOnlyList<DirectoryRole> Roles { get; } = roles;
}
