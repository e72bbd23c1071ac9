using System.Security.Claims;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Resources;

/// <summary>
/// The partners' non-personal library under <c>/api/resources</c> (any directory member reads and adds; the owner
/// organisation, a Coordinator or an Admin edits and deletes). Refusals are ProblemDetails with French titles:
/// 400 bad input (field errors), 403 not the owner organisation, 404 unknown id.
/// </summary>
public static class ResourceEndpoints
{
    public static IHostApplicationBuilder AddResources(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ResourceService>();
        builder.Services.AddScoped<Data.IDatabaseStartupTask, DemoResourcesSeed>();
        return builder;
    }

    public static IEndpointRouteBuilder MapResources(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/resources").WithTags("Resources").RequireAuthorization(DirectoryPolicies.Member);
        api.MapGet("", ([AsParameters] ResourceFilter filter, ClaimsPrincipal user, CurrentPerson me, ResourceService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.ListAsync(p, filter, ct)), ct))
            .Produces<IReadOnlyList<ResourceView>>();
        api.MapGet("/tags", async (ResourceService s, CancellationToken ct) => TypedResults.Ok(await s.TagsAsync(ct)));
        api.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, CurrentPerson me, ResourceService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.GetAsync(p, id, ct)), ct))
            .Produces<ResourceView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("", (ResourceInput input, ClaimsPrincipal user, CurrentPerson me, ResourceService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p =>
            {
                var created = await s.CreateAsync(p, input, ct);
                return TypedResults.Created($"/api/resources/{created.Id}", created);
            }, ct))
            .Produces<ResourceView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPut("/{id:guid}", (Guid id, ResourceInput input, ClaimsPrincipal user, CurrentPerson me, ResourceService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p => TypedResults.Ok(await s.UpdateAsync(p, id, input, ct)), ct))
            .Produces<ResourceView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:guid}", (Guid id, ClaimsPrincipal user, CurrentPerson me, ResourceService s, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async p =>
            {
                await s.DeleteAsync(p, id, ct);
                return TypedResults.NoContent();
            }, ct))
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }
}

/// <summary>Filters of <c>GET /api/resources</c>; all optional and combined.</summary>
/// <param name="Kind"><c>Project</c>, <c>Expertise</c> or <c>Communication</c>.</param>
/// <param name="Tag">One keyword (case-insensitive).</param>
/// <param name="Q">Words in the title or summary.</param>
public sealed record ResourceFilter(string? Kind, string? Tag, Guid? OrganisationId, string? Language, string? Q);

/// <summary>
/// A resource to add or the new state of one (PUT replaces every field). <paramref name="OrganisationId"/>: the owner,
/// the author's own organisation when omitted; another one only for a Coordinator or an Admin.
/// </summary>
public sealed record ResourceInput(
    string? Kind,
    string? Title,
    string? Summary,
    string? Link,
    IReadOnlyList<string>? Tags,
    string? Language,
    Guid? OrganisationId);

/// <summary>A resource as the tab shows it; <paramref name="CanEdit"/> tells whether the caller may edit or delete it.</summary>
public sealed record ResourceView(
    Guid Id,
    ResourceKind Kind,
    string Title,
    string Summary,
    Guid OrganisationId,
    string? OrganisationName,
    string? Link,
    IReadOnlyList<string> Tags,
    string Language,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    Guid UpdatedBy,
    DateTimeOffset UpdatedAt,
    bool CanEdit);

/// <summary>A keyword in use and how many resources carry it.</summary>
public sealed record ResourceTagCount(string Tag, int Count);
