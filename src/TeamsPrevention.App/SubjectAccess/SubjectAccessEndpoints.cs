using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.SubjectAccess;

/// <summary>
/// The DPO's subject-access exports (GDPR art. 15), downloaded as JSON files: <c>GET /api/subject-access/people/{id}</c>
/// for a person of the directory (by directory id) and <c>GET /api/subject-access/situations/{code}</c> for the person a
/// situation is about (by its code; the referent who holds the case tells the DPO which one). Nothing but an id or a
/// code in the address. DPO only: anyone else is refused 403, audited <c>Denied</c> by the authorization handler.
/// </summary>
public static class SubjectAccessEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IHostApplicationBuilder AddSubjectAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<SubjectAccessExporter>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSubjectAccess(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/subject-access").WithTags("SubjectAccess").RequireAuthorization(DirectoryPolicies.Dpo);
        api.MapGet("/people/{id:guid}", (Guid id, ClaimsPrincipal user, CurrentPerson me, SubjectAccessExporter exporter, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async dpo => await exporter.ForPersonAsync(dpo, id, ct) is { } export
                ? File(export, $"acces-personne-{id}.json")
                : TypedResults.Problem(title: NotFound(Languages.FromTag(dpo.PreferredLanguage)), statusCode: StatusCodes.Status404NotFound), ct));
        api.MapGet("/situations/{code}", (string code, ClaimsPrincipal user, CurrentPerson me, SubjectAccessExporter exporter, CancellationToken ct) =>
            PersonEndpoints.RunAsync(user, me, async dpo =>
            {
                var export = await exporter.ForSituationAsync(dpo, code, ct);
                return File(export, $"acces-situation-{export.Code}.json");
            }, ct));
        return endpoints;
    }

    private static IResult File<T>(T export, string name) =>
        TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json; charset=utf-8", name);

    private static string NotFound(UserLanguage language) => language switch
    {
        UserLanguage.Nl => "Geen persoon met deze id in de gids.",
        UserLanguage.De => "Keine Person mit dieser Kennung im Verzeichnis.",
        UserLanguage.En => "No person of the directory has this id.",
        _ => "Aucune personne de l'annuaire n'a cet identifiant.",
    };
}
