using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Directory;

/// <summary>
/// The directory: registration, authorization policies, demo seed, and its JSON API under <c>/api/directory</c>
/// (read: any member; organisations and deputyships: Admin; people and roles: Admin or Chair, each within
/// <see cref="DirectoryAdministration"/>'s rules). Directory data is metadata: an Admin sees no case content here.
/// </summary>
public static class DirectoryEndpoints
{
    public static IHostApplicationBuilder AddDirectory(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.Section).ValidateOnStart();
        services.AddScoped<DirectoryService>();
        services.AddScoped<DirectoryAdministration>();
        services.AddScoped<PersonalNotices>();
        services.AddScoped<CurrentPerson>();
        services.AddScoped<Hosting.IRequestLanguage, DirectoryRequestLanguage>();
        services.AddScoped<IDatabaseStartupTask, DemoDirectorySeed>();
        services.AddHttpContextAccessor();
        services.AddScoped<IAuthorizationHandler, DirectoryRoleHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, DeniedAccessAuditor>();
        DirectoryPolicies.Add(services.AddAuthorizationBuilder());
        return builder;
    }

    public static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/directory").WithTags("Directory");
        var read = api.MapGroup("").RequireAuthorization(DirectoryPolicies.Member);
        var write = api.MapGroup("").RequireAuthorization(DirectoryPolicies.Admin);
        var people = api.MapGroup("").RequireAuthorization(DirectoryPolicies.People);

        read.MapGet("/me", GetMeAsync);
        read.MapGet("/roles", () => TypedResults.Ok(Enum.GetValues<DirectoryRole>()));
        read.MapGet("/organisations", async (DirectoryService directory, CancellationToken ct) =>
            TypedResults.Ok(await directory.GetOrganisationsAsync(ct)));
        read.MapGet("/organisations/{id:guid}", GetOrganisationAsync);
        read.MapGet("/organisations/{id:guid}/contacts", async (Guid id, DirectoryService directory, CancellationToken ct) =>
            TypedResults.Ok(await directory.GetContactsAsync(id, ct)));
        read.MapGet("/people", GetPeopleAsync);
        read.MapGet("/people/{id:guid}", GetPersonAsync);
        read.MapGet("/deputies", async (Guid? personId, DirectoryService directory, CancellationToken ct) =>
            TypedResults.Ok(await directory.GetDeputyshipsAsync(personId, ct)));

        write.MapPost("/organisations", CreateOrganisationAsync);
        write.MapPut("/organisations/{id:guid}", UpdateOrganisationAsync);
        people.MapPost("/people", CreatePersonAsync);
        people.MapPut("/people/{id:guid}", UpdatePersonAsync);
        write.MapPost("/deputies", CreateDeputyshipAsync);
        write.MapDelete("/deputies/{id:guid}", DeleteDeputyshipAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<DirectoryPerson>, NotFound>> GetMeAsync(ClaimsPrincipal user, CurrentPerson current, CancellationToken ct) =>
        await current.GetAsync(user, ct) is { } me ? TypedResults.Ok(me) : TypedResults.NotFound();

    private static async Task<Results<Ok<DirectoryOrganisation>, NotFound>> GetOrganisationAsync(Guid id, DirectoryService directory, CancellationToken ct) =>
        await directory.GetOrganisationAsync(id, ct) is { } organisation ? TypedResults.Ok(organisation) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<DirectoryPerson>>, ValidationProblem>> GetPeopleAsync(
        string? role, Guid? organisationId, DirectoryService directory, CancellationToken ct)
    {
        DirectoryRole? parsed = null;
        if (role is not null)
        {
            if (!Enum.TryParse<DirectoryRole>(role, ignoreCase: true, out var r) || int.TryParse(role, out _))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["role"] = [$"Valeur attendue : {string.Join(", ", Enum.GetNames<DirectoryRole>())}."],
                });
            }

            parsed = r;
        }

        return TypedResults.Ok(await directory.GetPeopleAsync(parsed, organisationId, ct));
    }

    private static async Task<Results<Ok<DirectoryPerson>, NotFound>> GetPersonAsync(Guid id, DirectoryService directory, CancellationToken ct) =>
        await directory.GetPersonAsync(id, ct) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound();

    private static Task<IResult> CreateOrganisationAsync(
        OrganisationInput input, ClaimsPrincipal user, CurrentPerson current, DirectoryAdministration administration, CancellationToken ct) =>
        WriteAsync(user, current, async actor =>
        {
            var organisation = await administration.CreateOrganisationAsync(input, actor, ct);
            return TypedResults.Created($"/api/directory/organisations/{organisation.Id}", organisation);
        }, ct);

    private static Task<IResult> UpdateOrganisationAsync(
        Guid id, OrganisationInput input, ClaimsPrincipal user, CurrentPerson current, DirectoryAdministration administration, CancellationToken ct) =>
        WriteAsync(user, current, async actor =>
            await administration.UpdateOrganisationAsync(id, input, actor, ct) is { } organisation ? TypedResults.Ok(organisation) : (IResult)TypedResults.NotFound(), ct);

    private static Task<IResult> CreatePersonAsync(
        PersonInput input, ClaimsPrincipal user, CurrentPerson current, DirectoryAdministration administration, CancellationToken ct) =>
        WriteAsync(user, current, async actor =>
        {
            var person = await administration.CreatePersonAsync(input, actor, ct);
            return TypedResults.Created($"/api/directory/people/{person.Id}", person);
        }, ct);

    private static Task<IResult> UpdatePersonAsync(
        Guid id, PersonInput input, ClaimsPrincipal user, CurrentPerson current, DirectoryAdministration administration, CancellationToken ct) =>
        WriteAsync(user, current, async actor =>
            await administration.UpdatePersonAsync(id, input, actor, ct) is { } person ? TypedResults.Ok(person) : (IResult)TypedResults.NotFound(), ct);

    private static Task<IResult> CreateDeputyshipAsync(
        DeputyshipInput input, ClaimsPrincipal user, CurrentPerson current, DirectoryAdministration administration, CancellationToken ct) =>
        WriteAsync(user, current, async actor =>
        {
            var deputyship = await administration.CreateDeputyshipAsync(input, actor, ct);
            return TypedResults.Created($"/api/directory/deputies/{deputyship.Id}", deputyship);
        }, ct);

    private static Task<IResult> DeleteDeputyshipAsync(
        Guid id, ClaimsPrincipal user, CurrentPerson current, DirectoryAdministration administration, CancellationToken ct) =>
        WriteAsync(user, current, async actor =>
            await administration.DeleteDeputyshipAsync(id, actor, ct) ? TypedResults.NoContent() : (IResult)TypedResults.NotFound(), ct);

    /// <summary>A write as the signed-in person (policies guarantee one); refusals as ProblemDetails in their language.</summary>
    private static Task<IResult> WriteAsync(ClaimsPrincipal user, CurrentPerson current, Func<DirectoryPerson, Task<IResult>> work, CancellationToken ct) =>
        PersonEndpoints.RunAsync(user, current, async actor =>
        {
            try
            {
                return await work(actor);
            }
            catch (DirectoryValidationException ex)
            {
                return TypedResults.ValidationProblem(ex.Errors, title: ex.Title);
            }
        }, ct);
}
