using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Directory;

/// <summary>
/// The directory: registration, authorization policies, demo seed, and its JSON API under <c>/api/directory</c>
/// (read: any member; write: Admin). Directory data is metadata: an Admin sees no case content here.
/// </summary>
public static class DirectoryEndpoints
{
    public static IHostApplicationBuilder AddDirectory(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.Section).ValidateOnStart();
        services.AddScoped<DirectoryService>();
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
        write.MapPost("/people", CreatePersonAsync);
        write.MapPut("/people/{id:guid}", UpdatePersonAsync);
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

    private static async Task<Results<Created<DirectoryOrganisation>, ValidationProblem>> CreateOrganisationAsync(
        OrganisationInput input, ClaimsPrincipal user, DirectoryService directory, CancellationToken ct)
    {
        try
        {
            var organisation = await directory.CreateOrganisationAsync(input, Actor(user), ct);
            return TypedResults.Created($"/api/directory/organisations/{organisation.Id}", organisation);
        }
        catch (DirectoryValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors);
        }
    }

    private static async Task<Results<Ok<DirectoryOrganisation>, NotFound, ValidationProblem>> UpdateOrganisationAsync(
        Guid id, OrganisationInput input, ClaimsPrincipal user, DirectoryService directory, CancellationToken ct)
    {
        try
        {
            return await directory.UpdateOrganisationAsync(id, input, Actor(user), ct) is { } organisation
                ? TypedResults.Ok(organisation)
                : TypedResults.NotFound();
        }
        catch (DirectoryValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors);
        }
    }

    private static async Task<Results<Created<DirectoryPerson>, ValidationProblem>> CreatePersonAsync(
        PersonInput input, ClaimsPrincipal user, DirectoryService directory, CancellationToken ct)
    {
        try
        {
            var person = await directory.CreatePersonAsync(input, Actor(user), ct);
            return TypedResults.Created($"/api/directory/people/{person.Id}", person);
        }
        catch (DirectoryValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors);
        }
    }

    private static async Task<Results<Ok<DirectoryPerson>, NotFound, ValidationProblem>> UpdatePersonAsync(
        Guid id, PersonInput input, ClaimsPrincipal user, DirectoryService directory, CancellationToken ct)
    {
        try
        {
            return await directory.UpdatePersonAsync(id, input, Actor(user), ct) is { } person
                ? TypedResults.Ok(person)
                : TypedResults.NotFound();
        }
        catch (DirectoryValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors);
        }
    }

    private static async Task<Results<Created<DirectoryDeputyship>, ValidationProblem>> CreateDeputyshipAsync(
        DeputyshipInput input, ClaimsPrincipal user, DirectoryService directory, CancellationToken ct)
    {
        try
        {
            var deputyship = await directory.CreateDeputyshipAsync(input, Actor(user), ct);
            return TypedResults.Created($"/api/directory/deputies/{deputyship.Id}", deputyship);
        }
        catch (DirectoryValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors);
        }
    }

    private static async Task<Results<NoContent, NotFound>> DeleteDeputyshipAsync(Guid id, ClaimsPrincipal user, DirectoryService directory, CancellationToken ct) =>
        await directory.DeleteDeputyshipAsync(id, Actor(user), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Policies guarantee a known object id on every write endpoint.</summary>
    private static string Actor(ClaimsPrincipal user) =>
        user.GetObjectId()?.ToString() ?? throw new InvalidOperationException("An authorized principal has no object id.");
}
