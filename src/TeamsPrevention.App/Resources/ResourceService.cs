using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.App.PersonalData;

namespace TeamsPrevention.App.Resources;

/// <summary>
/// The partners' library: any member reads and adds; only the owner organisation's members, a Coordinator or an Admin
/// edit or delete. Every change, and every refused one, is audited in the change's transaction. Reads are not audited:
/// the library holds no personal data.
/// </summary>
public sealed class ResourceService(AppDbContext db, AuditLog audit, TimeProvider time, ILogger<ResourceService> logger)
{
    public const int MaxListed = 500;

    private const string AuditTarget = "Resource";

    public static bool MayEdit(DirectoryPerson person, Guid organisationId) =>
        person.OrganisationId == organisationId || person.HasRole(DirectoryRole.Coordinator) || person.HasRole(DirectoryRole.Admin);

    private static bool MayActForOtherOrganisations(DirectoryPerson person) =>
        person.HasRole(DirectoryRole.Coordinator) || person.HasRole(DirectoryRole.Admin);

    public async Task<IReadOnlyList<ResourceView>> ListAsync(DirectoryPerson caller, ResourceFilter filter, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = ParseKind(filter.Kind, errors, required: false);
        if (filter.Language is { } language && !Person.Languages.Contains(language))
        {
            errors["language"] = [$"Valeur attendue : {string.Join(", ", Person.Languages)}."];
        }

        if (errors.Count > 0)
        {
            throw ResourceProblem.Invalid(errors);
        }

        var query = db.Set<Resource>().AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(r => r.Kind == k);
        }

        if (filter.OrganisationId is { } organisation)
        {
            query = query.Where(r => r.OrganisationId == organisation);
        }

        if (filter.Language is { } lang)
        {
            query = query.Where(r => r.Language == lang);
        }

        if (NormaliseTag(filter.Tag) is { Length: > 0 } tag)
        {
            query = query.Where(r => r.Tags.Contains(tag));
        }

        if (filter.Q?.Trim().ToLowerInvariant() is { Length: > 0 } text)
        {
            query = query.Where(r => r.Title.ToLower().Contains(text) || r.Summary.ToLower().Contains(text));
        }

        var resources = await query.OrderByDescending(r => r.UpdatedAt).Take(MaxListed).ToListAsync(cancellationToken);
        var names = await OrganisationNamesAsync(cancellationToken);
        return [.. resources.Select(r => View(r, caller, names))];
    }

    public async Task<ResourceView> GetAsync(DirectoryPerson caller, Guid id, CancellationToken cancellationToken)
    {
        var resource = await db.Set<Resource>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw ResourceProblem.NotFound();
        return View(resource, caller, await OrganisationNamesAsync(cancellationToken));
    }

    /// <summary>Every tag in use with how many resources carry it, most used first.</summary>
    public async Task<IReadOnlyList<ResourceTagCount>> TagsAsync(CancellationToken cancellationToken)
    {
        var all = await db.Set<Resource>().AsNoTracking().Select(r => r.Tags).ToListAsync(cancellationToken);
        return [.. all.SelectMany(t => t).GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => new ResourceTagCount(g.Key, g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Tag, StringComparer.Ordinal)];
    }

    public async Task<ResourceView> CreateAsync(DirectoryPerson caller, ResourceInput input, CancellationToken cancellationToken)
    {
        var valid = await ValidateAsync(input, cancellationToken);
        var organisation = valid.OrganisationId ?? caller.OrganisationId;
        if (organisation != caller.OrganisationId && !MayActForOtherOrganisations(caller))
        {
            await RefuseAsync(caller, null, cancellationToken);
        }

        var now = Now();
        var resource = new Resource
        {
            Id = Guid.NewGuid(),
            Kind = valid.Kind,
            Title = valid.Title,
            Summary = valid.Summary,
            Link = valid.Link,
            Tags = valid.Tags,
            Language = valid.Language,
            OrganisationId = organisation,
            CreatedBy = caller.Id,
            CreatedAt = now,
            UpdatedBy = caller.Id,
            UpdatedAt = now,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Add(resource);
            await db.SaveChangesAsync(cancellationToken);
            await AuditAsync(caller, resource.Id, "resource created", AuditOutcome.Success, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        ResourcesLog.Changed(logger, resource.Id, "created");
        return View(resource, caller, await OrganisationNamesAsync(cancellationToken));
    }

    public async Task<ResourceView> UpdateAsync(DirectoryPerson caller, Guid id, ResourceInput input, CancellationToken cancellationToken)
    {
        var resource = await db.Set<Resource>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw ResourceProblem.NotFound();
        if (!MayEdit(caller, resource.OrganisationId))
        {
            await RefuseAsync(caller, id, cancellationToken);
        }

        var valid = await ValidateAsync(input, cancellationToken);
        if (valid.OrganisationId is { } moved && moved != resource.OrganisationId && moved != caller.OrganisationId && !MayActForOtherOrganisations(caller))
        {
            await RefuseAsync(caller, id, cancellationToken);
        }

        resource.Kind = valid.Kind;
        resource.Title = valid.Title;
        resource.Summary = valid.Summary;
        resource.Link = valid.Link;
        resource.Tags = valid.Tags;
        resource.Language = valid.Language;
        resource.OrganisationId = valid.OrganisationId ?? resource.OrganisationId;
        resource.UpdatedBy = caller.Id;
        resource.UpdatedAt = Now();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await AuditAsync(caller, id, "resource updated", AuditOutcome.Success, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        ResourcesLog.Changed(logger, id, "updated");
        return View(resource, caller, await OrganisationNamesAsync(cancellationToken));
    }

    public async Task DeleteAsync(DirectoryPerson caller, Guid id, CancellationToken cancellationToken)
    {
        var organisation = await db.Set<Resource>().Where(r => r.Id == id).Select(r => (Guid?)r.OrganisationId).FirstOrDefaultAsync(cancellationToken)
            ?? throw ResourceProblem.NotFound();
        if (!MayEdit(caller, organisation))
        {
            await RefuseAsync(caller, id, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<Resource>().Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
        await AuditAsync(caller, id, "resource deleted", AuditOutcome.Success, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ResourcesLog.Changed(logger, id, "deleted");
    }

    private async Task RefuseAsync(DirectoryPerson caller, Guid? id, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(
            new AuditRecord(caller.EntraObjectId.ToString(), RoleText(caller), AuditAction.Denied, null, AuditTarget, id?.ToString(), "resource change refused: not the owner organisation", AuditOutcome.Denied),
            cancellationToken);
        ResourcesLog.Refused(logger, id ?? Guid.Empty);
        throw ResourceProblem.NotOwner();
    }

    private Task AuditAsync(DirectoryPerson caller, Guid id, string purpose, AuditOutcome outcome, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord(caller.EntraObjectId.ToString(), RoleText(caller), AuditAction.Change, null, AuditTarget, id.ToString(), purpose, outcome), cancellationToken);

    /// <summary>To the microsecond, what PostgreSQL keeps, so that what a write answers is what a read gives back.</summary>
    private DateTimeOffset Now() => AuditHasher.Truncate(time.GetUtcNow());

    private static string? RoleText(DirectoryPerson person) => person.Roles.Count == 0 ? null : string.Join(",", person.Roles);

    private async Task<Dictionary<Guid, string>> OrganisationNamesAsync(CancellationToken cancellationToken) =>
        await db.Set<Organisation>().AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

    private static ResourceView View(Resource r, DirectoryPerson caller, Dictionary<Guid, string> names) => new(
        r.Id,
        r.Kind,
        r.Title,
        r.Summary,
        r.OrganisationId,
        names.GetValueOrDefault(r.OrganisationId),
        r.Link,
        r.Tags,
        r.Language,
        r.CreatedBy,
        r.CreatedAt,
        r.UpdatedBy,
        r.UpdatedAt,
        MayEdit(caller, r.OrganisationId));

    private async Task<ValidResource> ValidateAsync(ResourceInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = ParseKind(input.Kind, errors, required: true);
        var title = input.Title?.Trim() ?? "";
        if (title.Length is < Resource.MinTitleLength or > Resource.MaxTitleLength)
        {
            errors["title"] = [$"Entre {Resource.MinTitleLength} et {Resource.MaxTitleLength} caractères."];
        }

        var summary = input.Summary?.Trim() ?? "";
        if (summary.Length is 0 or > Resource.MaxSummaryLength)
        {
            errors["summary"] = [$"Entre 1 et {Resource.MaxSummaryLength} caractères."];
        }

        var link = string.IsNullOrWhiteSpace(input.Link) ? null : input.Link.Trim();
        if (link is not null
            && (link.Length > Resource.MaxLinkLength
                || !Uri.TryCreate(link, UriKind.Absolute, out var uri)
                || uri.Scheme != Uri.UriSchemeHttps
                || string.IsNullOrEmpty(uri.Host)
                || !string.IsNullOrEmpty(uri.UserInfo)))
        {
            errors["link"] = [$"Adresse https complète attendue ({Resource.MaxLinkLength} caractères au plus)."];
        }

        var tags = (input.Tags ?? []).Select(NormaliseTag).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count > Resource.MaxTags || tags.Any(t => t.Length > Resource.MaxTagLength || !t.All(c => char.IsLetterOrDigit(c) || c is '-' or ' ')))
        {
            errors["tags"] = [$"{Resource.MaxTags} mots-clés au plus, de {Resource.MaxTagLength} caractères au plus (lettres, chiffres, espaces, traits d'union)."];
        }

        var language = string.IsNullOrWhiteSpace(input.Language) ? "fr" : input.Language.Trim().ToLowerInvariant();
        if (!Person.Languages.Contains(language))
        {
            errors["language"] = [$"Valeur attendue : {string.Join(", ", Person.Languages)}."];
        }

        foreach (var (field, text) in new[] { ("title", title), ("summary", summary), ("tags", string.Join(' ', tags)), ("link", link) })
        {
            if (!errors.ContainsKey(field) && PersonalDataDetector.LooksLikeContactData(field == "link" ? Uri.UnescapeDataString(text ?? "") : text))
            {
                errors[field] = [ResourceProblem.PersonalDataMessage];
            }
        }

        if (input.OrganisationId is { } organisation && !await db.Set<Organisation>().AnyAsync(o => o.Id == organisation, cancellationToken))
        {
            errors["organisationId"] = ["Organisation inconnue."];
        }

        if (errors.Count > 0)
        {
            throw ResourceProblem.Invalid(errors);
        }

        return new ValidResource(kind!.Value, title, summary, link, tags, language, input.OrganisationId);
    }

    private static ResourceKind? ParseKind(string? value, Dictionary<string, string[]> errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors["kind"] = ["Champ obligatoire."];
            }

            return null;
        }

        if (!int.TryParse(value, out _) && Enum.TryParse<ResourceKind>(value.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind))
        {
            return kind;
        }

        errors["kind"] = [$"Valeur attendue : {string.Join(", ", Enum.GetNames<ResourceKind>())}."];
        return null;
    }

    private static string NormaliseTag(string? tag) => string.Join(' ', (tag ?? "").Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private sealed record ValidResource(ResourceKind Kind, string Title, string Summary, string? Link, List<string> Tags, string Language, Guid? OrganisationId);
}
