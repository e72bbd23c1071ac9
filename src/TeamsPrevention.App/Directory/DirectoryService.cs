using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Directory;

/// <summary>
/// Who is who: the lookups every feature needs (by Entra object id, by Teams user id, roles, deputies, people with a
/// role, contacts of an organisation). Changes made through the API are <see cref="DirectoryAdministration"/>'s.
/// </summary>
public sealed class DirectoryService(AppDbContext db, AuditLog audit, ILogger<DirectoryService> logger)
{
    private IQueryable<Person> People => db.Set<Person>().Include(p => p.Roles).AsNoTracking();

    // ---- Lookups ----------------------------------------------------------------------------------------------

    public async Task<DirectoryPerson?> FindByEntraObjectIdAsync(Guid entraObjectId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var person = await ByEntraObjectId.For(db)(db, entraObjectId);
        return person is null ? null : DirectoryPerson.From(person);
    }

    /// <summary>Compiled once: every API call and every card answer looks the caller up this way.</summary>
    private static readonly PerModel<Func<AppDbContext, Guid, Task<Person?>>> ByEntraObjectId = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid entraObjectId) => db.Set<Person>().Include(p => p.Roles).AsNoTracking().FirstOrDefault(p => p.EntraObjectId == entraObjectId)));

    public async Task<DirectoryPerson?> FindByTeamsUserIdAsync(string teamsUserId, CancellationToken cancellationToken)
    {
        var person = await People.FirstOrDefaultAsync(p => p.TeamsUserId == teamsUserId, cancellationToken);
        return person is null ? null : DirectoryPerson.From(person);
    }

    /// <summary>
    /// The people with these Entra object ids, in one query, keyed by that id. Synchronous: a batch of card answers asks,
    /// on the answer writer's own thread (<see cref="Alerts.AlertAnswerWriter"/>).
    /// </summary>
    public IReadOnlyDictionary<Guid, DirectoryPerson> FindByEntraObjectIds(IReadOnlyCollection<Guid> entraObjectIds)
    {
        if (entraObjectIds.Count == 0)
        {
            return new Dictionary<Guid, DirectoryPerson>();
        }

        var people = People.Where(p => EF.Parameter(entraObjectIds).Contains(p.EntraObjectId)).ToList();
        return people.ToDictionary(p => p.EntraObjectId, DirectoryPerson.From);
    }

    /// <summary>The people with these Teams user ids (<c>29:…</c>), in one query, keyed by that id. Synchronous, as above.</summary>
    public IReadOnlyDictionary<string, DirectoryPerson> FindByTeamsUserIds(IReadOnlyCollection<string> teamsUserIds)
    {
        if (teamsUserIds.Count == 0)
        {
            return new Dictionary<string, DirectoryPerson>();
        }

        var people = People.Where(p => p.TeamsUserId != null && EF.Parameter(teamsUserIds).Contains(p.TeamsUserId)).ToList();
        return people.ToDictionary(p => p.TeamsUserId!, DirectoryPerson.From, StringComparer.Ordinal);
    }

    public async Task<DirectoryPerson?> GetPersonAsync(Guid id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var person = await ById.For(db)(db, id);
        return person is null ? null : DirectoryPerson.From(person);
    }

    /// <summary>Compiled once: the alert worker looks every recipient up this way, card after card.</summary>
    private static readonly PerModel<Func<AppDbContext, Guid, Task<Person?>>> ById = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid id) => db.Set<Person>().Include(p => p.Roles).AsNoTracking().FirstOrDefault(p => p.Id == id)));

    /// <summary>The roles of a person (empty when unknown or inactive).</summary>
    public async Task<IReadOnlySet<DirectoryRole>> GetRolesAsync(Guid personId, CancellationToken cancellationToken)
    {
        var roles = await db.Set<PersonRole>().AsNoTracking()
            .Where(r => r.PersonId == personId && db.Set<Person>().Any(p => p.Id == personId && p.Active))
            .Select(r => r.Role)
            .ToListAsync(cancellationToken);
        return roles.ToHashSet();
    }

    /// <summary>
    /// Records the Teams user id the bot saw for a person known by their Entra object id. Returns false when the
    /// object id is not in the directory. Idempotent; a Teams id moves from whoever held it before.
    /// </summary>
    public async Task<bool> RecordTeamsUserIdAsync(Guid entraObjectId, string teamsUserId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(teamsUserId);
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.EntraObjectId == entraObjectId, cancellationToken);
        if (person is null)
        {
            DirectoryLog.UnknownObjectId(logger);
            return false;
        }

        if (person.TeamsUserId == teamsUserId)
        {
            return true;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var previousHolder = await db.Set<Person>().FirstOrDefaultAsync(p => p.TeamsUserId == teamsUserId && p.Id != person.Id, cancellationToken);
        if (previousHolder is not null)
        {
            previousHolder.TeamsUserId = null;
            await db.SaveChangesAsync(cancellationToken);
        }

        person.TeamsUserId = teamsUserId;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(
            new AuditRecord(AuditRecord.SystemActor, null, AuditAction.Change, TargetType: "Person", TargetId: person.Id.ToString(), Purpose: "teams user id recorded"),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        DirectoryLog.TeamsUserIdRecorded(logger, person.Id);
        return true;
    }

    /// <summary>Active people holding a role, by display name.</summary>
    public async Task<IReadOnlyList<DirectoryPerson>> GetPeopleWithRoleAsync(DirectoryRole role, CancellationToken cancellationToken)
    {
        var people = await People.Where(p => p.Active && p.Roles.Any(r => r.Role == role)).OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
        return [.. people.Select(DirectoryPerson.From)];
    }

    /// <summary>Active contact people of an organisation, by display name.</summary>
    public async Task<IReadOnlyList<DirectoryPerson>> GetContactsAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var people = await People.Where(p => p.Active && p.OrganisationId == organisationId).OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
        return [.. people.Select(DirectoryPerson.From)];
    }

    /// <summary>
    /// The active deputy standing in for a person at a moment: a deputyship for a period that covers it wins over a
    /// standing one; among several, the one that started last. Null when there is none.
    /// </summary>
    public async Task<DirectoryPerson?> GetDeputyAsync(Guid personId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Few rows per person: the period is checked in memory, the same way on both providers.
        var deputyships = await db.Set<Deputyship>().AsNoTracking().Where(d => d.PersonId == personId).ToListAsync(cancellationToken);
        var candidates = deputyships.Where(d => d.IsValidAt(at))
            .OrderByDescending(d => d.ValidFrom.HasValue || d.ValidUntil.HasValue)
            .ThenByDescending(d => d.ValidFrom ?? DateTimeOffset.MinValue)
            .Select(d => d.DeputyId)
            .ToList();
        foreach (var deputyId in candidates)
        {
            var deputy = await People.FirstOrDefaultAsync(p => p.Id == deputyId && p.Active, cancellationToken);
            if (deputy is not null)
            {
                return DirectoryPerson.From(deputy);
            }
        }

        return null;
    }

    /// <summary>
    /// Who to turn to when a person does not respond (alert escalation): their deputy at that moment, then the Chair(s);
    /// never the person themselves, each once.
    /// </summary>
    public async Task<IReadOnlyList<DirectoryPerson>> GetEscalationChainAsync(Guid personId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var chain = new List<DirectoryPerson>();
        var deputy = await GetDeputyAsync(personId, at, cancellationToken);
        if (deputy is not null && deputy.Id != personId)
        {
            chain.Add(deputy);
        }

        foreach (var chair in await GetPeopleWithRoleAsync(DirectoryRole.Chair, cancellationToken))
        {
            if (chair.Id != personId && chain.All(p => p.Id != chair.Id))
            {
                chain.Add(chair);
            }
        }

        return chain;
    }

    public async Task<IReadOnlyList<DirectoryPerson>> GetPeopleAsync(DirectoryRole? role, Guid? organisationId, CancellationToken cancellationToken)
    {
        var query = People;
        if (role is { } r)
        {
            query = query.Where(p => p.Roles.Any(x => x.Role == r));
        }

        if (organisationId is { } o)
        {
            query = query.Where(p => p.OrganisationId == o);
        }

        var people = await query.OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
        return [.. people.Select(DirectoryPerson.From)];
    }

    public async Task<IReadOnlyList<DirectoryOrganisation>> GetOrganisationsAsync(CancellationToken cancellationToken)
    {
        var organisations = new List<DirectoryOrganisation>();
        await foreach (var organisation in AllOrganisations.For(db)(db).WithCancellation(cancellationToken))
        {
            organisations.Add(DirectoryOrganisation.From(organisation));
        }

        return organisations;
    }

    /// <summary>Compiled once: every alert card names organisations, and every batch of answers builds one.</summary>
    private static readonly PerModel<Func<AppDbContext, IAsyncEnumerable<Organisation>>> AllOrganisations = new(() => EF.CompileAsyncQuery(
        (AppDbContext db) => db.Set<Organisation>().AsNoTracking().OrderBy(o => o.Name).AsQueryable()));

    public async Task<DirectoryOrganisation?> GetOrganisationAsync(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation is null ? null : DirectoryOrganisation.From(organisation);
    }

    public async Task<IReadOnlyList<DirectoryDeputyship>> GetDeputyshipsAsync(Guid? personId, CancellationToken cancellationToken)
    {
        var query = db.Set<Deputyship>().AsNoTracking();
        if (personId is { } id)
        {
            query = query.Where(d => d.PersonId == id);
        }

        var rows = await query.ToListAsync(cancellationToken);
        return [.. rows.Select(DirectoryDeputyship.From)];
    }
}
