using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Resources;

/// <summary>
/// Seeds a few fictitious library entries with the demo directory (<see cref="DirectoryOptions.SeedDemo"/>, on in
/// Development), when the library is empty and the demo organisations exist. Runs after the directory seed, in one
/// transaction, so it happens once even when several instances start together. It writes no audit entry of its own:
/// it is demo content, non-personal, part of the demo seeding the directory seed's entry records.
/// </summary>
internal sealed class DemoResourcesSeed(IOptions<DirectoryOptions> options, TimeProvider time, ILogger<DemoResourcesSeed> logger)
    : IDatabaseStartupTask
{
    private static readonly (string Organisation, ResourceKind Kind, string Language, string Title, string Summary, string? Link, string[] Tags)[] Entries =
    [
        ("cell", ResourceKind.Project, "fr", "Rencontres de quartier sur le vivre-ensemble",
            "Cycle de six rencontres animées par les travailleurs de rue et les maisons de quartier : échanges entre habitants, " +
            "associations et services communaux sur le vivre-ensemble et la prévention des discours de haine. Méthode et supports disponibles.",
            "https://www.example.org/namur/rencontres-quartier", ["quartier", "dialogue", "travail de rue"]),
        ("school", ResourceKind.Project, "fr", "Ateliers d'esprit critique face aux théories du complot",
            "Quatre séances pour les élèves du secondaire supérieur : reconnaître une source, un montage, une manipulation. " +
            "Fiches pédagogiques pour les enseignants et évaluation de l'édition pilote.",
            "https://www.example.org/ecole/esprit-critique", ["école", "esprit critique", "médias"]),
        ("youth", ResourceKind.Expertise, "fr", "Accompagnement de jeunes en rupture",
            "L'AMO partage sa méthode d'accroche et d'accompagnement de jeunes en décrochage familial ou scolaire, " +
            "et propose une demi-journée d'échange de pratiques aux services partenaires.",
            null, ["jeunesse", "décrochage", "formation"]),
        ("cpas", ResourceKind.Expertise, "fr", "Insertion socioprofessionnelle : orienter vers les bons dispositifs",
            "Vue d'ensemble des dispositifs d'insertion (formation, article 60, remise à l'emploi) et des critères d'accès, " +
            "pour orienter un jeune adulte vers le service régulier adapté.",
            "https://www.example.org/cpas/insertion", ["insertion", "emploi", "orientation"]),
        ("cell", ResourceKind.Communication, "fr", "Affiche « Un doute ? Parlons-en »",
            "Affiche A3 et version pour écrans publics invitant les proches inquiets à contacter le service de prévention. " +
            "Rappel : en cas d'urgence, appelez le 101 ou le 112.",
            "https://www.example.org/namur/affiche-parlons-en", ["affiche", "grand public"]),
        ("association", ResourceKind.Communication, "fr", "Brochure pour les parents : repérer les signes de repli",
            "Brochure de huit pages pour les parents : signes de repli ou de rupture à ne pas ignorer, " +
            "comment en parler avec son enfant, vers qui se tourner.",
            null, ["parents", "brochure", "grand public"]),
        ("association", ResourceKind.Communication, "nl", "Brochure voor ouders: tekenen van terugtrekking herkennen",
            "Nederlandstalige versie van de brochure voor ouders: signalen van terugtrekking of breuk, " +
            "hoe erover praten met je kind, bij wie je terecht kunt.",
            null, ["ouders", "brochure"]),
    ];

    public async Task RunAsync(AppDbContext db, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemo)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var keys = Entries.Select(e => e.Organisation).Distinct().ToList();
        var organisations = await db.Set<Organisation>().AsNoTracking().Where(o => keys.Contains(o.Key)).ToDictionaryAsync(o => o.Key, o => o.Id, cancellationToken);
        if (organisations.Count != keys.Count || await db.Set<Resource>().AnyAsync(cancellationToken))
        {
            ResourcesLog.SeedSkipped(logger);
            return;
        }

        var authors = await db.Set<Person>().AsNoTracking()
            .Where(p => organisations.Values.Contains(p.OrganisationId))
            .OrderBy(p => p.EntraObjectId)
            .Select(p => new { p.OrganisationId, p.Id })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var resources = Entries.Select((e, i) =>
        {
            var organisation = organisations[e.Organisation];
            var author = authors.FirstOrDefault(a => a.OrganisationId == organisation)?.Id ?? Guid.Empty;
            var at = now.AddDays(-(Entries.Length - i) * 3);
            return new Resource
            {
                Id = Guid.NewGuid(),
                Kind = e.Kind,
                Title = e.Title,
                Summary = e.Summary,
                Link = e.Link,
                Tags = [.. e.Tags],
                Language = e.Language,
                OrganisationId = organisation,
                CreatedBy = author,
                CreatedAt = at,
                UpdatedBy = author,
                UpdatedAt = at,
            };
        }).ToList();
        db.AddRange(resources);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        ResourcesLog.Seeded(logger, resources.Count);
    }
}
