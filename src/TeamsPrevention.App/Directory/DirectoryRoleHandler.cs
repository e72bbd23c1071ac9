using Microsoft.AspNetCore.Authorization;

namespace TeamsPrevention.App.Directory;

/// <summary>Decides <see cref="DirectoryRoleRequirement"/> against the directory. Scoped: one lookup per request.</summary>
internal sealed class DirectoryRoleHandler(CurrentPerson current, IHttpContextAccessor http) : AuthorizationHandler<DirectoryRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, DirectoryRoleRequirement requirement)
    {
        var cancellationToken = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        var person = await current.GetAsync(context.User, cancellationToken);
        if (person is not null && (requirement.Roles.Count == 0 || requirement.Roles.Any(person.HasRole)))
        {
            context.Succeed(requirement);
        }
    }
}
