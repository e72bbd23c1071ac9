using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Directory;

/// <summary>
/// Changes to the directory through the API: organisations and deputyships (the Admin), people and their roles (the
/// Admin and the Chair, each for their own kind of role). Rules that keep anyone from giving themselves case access:
/// <list type="bullet">
/// <item>nobody changes their own roles, organisation, activation or identity (Entra object id, Teams id);</item>
/// <item>a role that opens case content (<see cref="DirectoryRoles.Case"/>) is granted and withdrawn by the Chair only —
/// while no active person holds the Chair role, the Admin may record the configured first Chair
/// (<see cref="DirectoryOptions.FirstChair"/>) with it; Partner, DPO and Admin are the Admin's;</item>
/// <item>the identity or reactivation of a person holding a case role is the Chair's (re-pointing a referent's record at
/// another account would hand it their access);</item>
/// <item>Admin is never held with a case role (400, field <c>roles</c>); nobody names themselves a deputy.</item>
/// </list>
/// A refusal is answered 403 (<see cref="DirectoryRefusal"/>) and audited as Denied before anything else about the input
/// is checked; every change is audited in its transaction, each role granted as <see cref="AuditAction.Grant"/>, and the
/// Chair and the DPO get a content-free bot message naming the roles granted, never the person. Messages are in the
/// caller's language.
/// </summary>
public sealed class DirectoryAdministration(
    AppDbContext db,
    AuditLog audit,
    DirectoryService directory,
    PersonalNotices notices,
    IOptions<DirectoryOptions> options,
    ILogger<DirectoryAdministration> logger)
{
    /// <summary>Creates an organisation. Throws <see cref="DirectoryValidationException"/> and writes nothing on bad input.</summary>
    public Task<DirectoryOrganisation> CreateOrganisationAsync(OrganisationInput input, DirectoryPerson actor, CancellationToken cancellationToken) =>
        SaveOrganisationAsync(null, input, actor, cancellationToken)!;

    /// <summary>Replaces an organisation; null when there is none with that id.</summary>
    public Task<DirectoryOrganisation?> UpdateOrganisationAsync(Guid id, OrganisationInput input, DirectoryPerson actor, CancellationToken cancellationToken) =>
        SaveOrganisationAsync(id, input, actor, cancellationToken);

    /// <summary>Creates a person with their roles. Throws <see cref="DirectoryValidationException"/> or <see cref="DirectoryRefusal"/> and writes nothing.</summary>
    public async Task<DirectoryPerson> CreatePersonAsync(PersonInput input, DirectoryPerson actor, CancellationToken cancellationToken) =>
        (await SavePersonAsync(null, input, actor, cancellationToken))!;

    /// <summary>Replaces a person and their roles (deactivate with <c>Active = false</c>); null when there is none with that id.</summary>
    public Task<DirectoryPerson?> UpdatePersonAsync(Guid id, PersonInput input, DirectoryPerson actor, CancellationToken cancellationToken) =>
        SavePersonAsync(id, input, actor, cancellationToken);

    /// <summary>Creates a deputyship. Throws <see cref="DirectoryValidationException"/> or <see cref="DirectoryRefusal"/> and writes nothing.</summary>
    public async Task<DirectoryDeputyship> CreateDeputyshipAsync(DeputyshipInput input, DirectoryPerson actor, CancellationToken cancellationToken)
    {
        var errors = new DirectoryErrors(TextsFor(actor));
        var texts = errors.Texts;
        if (input.DeputyId == actor.Id && input.PersonId != actor.Id)
        {
            // A deputy receives what escalates to the person they stand in for.
            await RefuseAsync(actor, "Deputyship", null, "own deputyship", texts.OwnDeputy, cancellationToken);
        }

        errors.Required(input.PersonId, "personId");
        errors.Required(input.DeputyId, "deputyId");
        if (input.PersonId is { } p && input.DeputyId is { } d)
        {
            if (p == d)
            {
                errors.Add("deputyId", texts.OwnDeputyship);
            }

            if (!await db.Set<Person>().AnyAsync(x => x.Id == p, cancellationToken))
            {
                errors.Add("personId", texts.UnknownPerson);
            }

            if (!await db.Set<Person>().AnyAsync(x => x.Id == d, cancellationToken))
            {
                errors.Add("deputyId", texts.UnknownPerson);
            }
        }

        if (input.ValidFrom is { } from && input.ValidUntil is { } until && until <= from)
        {
            errors.Add("validUntil", texts.EndBeforeStart);
        }

        errors.ThrowIfAny();
        var deputyship = new Deputyship
        {
            Id = Guid.NewGuid(),
            PersonId = input.PersonId!.Value,
            DeputyId = input.DeputyId!.Value,
            ValidFrom = input.ValidFrom?.ToUniversalTime(),
            ValidUntil = input.ValidUntil?.ToUniversalTime(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(deputyship);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(actor, AuditAction.Change, "Deputyship", deputyship.Id, "directory: deputyship created", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return DirectoryDeputyship.From(deputyship);
    }

    /// <summary>Removes a deputyship; false when there is none with that id.</summary>
    public async Task<bool> DeleteDeputyshipAsync(Guid id, DirectoryPerson actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db.Set<Deputyship>().Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return false;
        }

        await AuditAsync(actor, AuditAction.Change, "Deputyship", id, "directory: deputyship removed", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<DirectoryOrganisation?> SaveOrganisationAsync(Guid? id, OrganisationInput input, DirectoryPerson actor, CancellationToken cancellationToken)
    {
        var errors = new DirectoryErrors(TextsFor(actor));
        var key = errors.Text(input.Key, "key", Organisation.MaxKeyLength, required: true)?.ToLowerInvariant();
        if (key is not null && !key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            errors.Add("key", errors.Texts.KeyCharacters);
        }

        var name = errors.Text(input.Name, "name", Organisation.MaxNameLength, required: true);
        var kind = errors.Enum<OrganisationKind>(input.Kind, "kind", required: true);

        Organisation? organisation = null;
        if (id is { } existingId)
        {
            organisation = await db.Set<Organisation>().FirstOrDefaultAsync(o => o.Id == existingId, cancellationToken);
            if (organisation is null)
            {
                return null;
            }
        }

        if (key is not null && await db.Set<Organisation>().AnyAsync(o => o.Key == key && o.Id != (id ?? Guid.Empty), cancellationToken))
        {
            errors.Add("key", errors.Texts.KeyTaken);
        }

        errors.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (organisation is null)
        {
            organisation = new Organisation { Id = Guid.NewGuid(), Key = key!, Name = name!, Kind = kind!.Value };
            db.Add(organisation);
        }
        else
        {
            organisation.Key = key!;
            organisation.Name = name!;
            organisation.Kind = kind!.Value;
        }

        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(actor, AuditAction.Change, "Organisation", organisation.Id, id is null ? "directory: organisation created" : "directory: organisation updated", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        DirectoryLog.OrganisationSaved(logger, organisation.Id);
        return DirectoryOrganisation.From(organisation);
    }

    private async Task<DirectoryPerson?> SavePersonAsync(Guid? id, PersonInput input, DirectoryPerson actor, CancellationToken cancellationToken)
    {
        var errors = new DirectoryErrors(TextsFor(actor));
        var texts = errors.Texts;
        errors.Required(input.EntraObjectId, "entraObjectId");
        if (input.EntraObjectId == Guid.Empty)
        {
            errors.Add("entraObjectId", texts.InvalidEntraId);
        }

        var displayName = errors.Text(input.DisplayName, "displayName", Person.MaxDisplayNameLength, required: true);
        var email = errors.Text(input.Email, "email", Person.MaxEmailLength, required: false);
        if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            errors.Add("email", texts.InvalidEmail);
        }

        var language = errors.Text(input.PreferredLanguage, "preferredLanguage", 2, required: false)?.ToLowerInvariant() ?? "fr";
        if (!Person.Languages.Contains(language))
        {
            errors.Add("preferredLanguage", texts.LanguageExpected);
        }

        var teamsUserId = errors.Text(input.TeamsUserId, "teamsUserId", Person.MaxTeamsUserIdLength, required: false);
        errors.Required(input.OrganisationId, "organisationId");
        if (input.OrganisationId is { } orgId && !await db.Set<Organisation>().AnyAsync(o => o.Id == orgId, cancellationToken))
        {
            errors.Add("organisationId", texts.UnknownOrganisation);
        }

        var roles = new HashSet<DirectoryRole>();
        foreach (var (role, index) in (input.Roles ?? []).Select((r, i) => (r, i)))
        {
            if (errors.Enum<DirectoryRole>(role, $"roles[{index}]", required: true) is { } parsed)
            {
                roles.Add(parsed);
            }
        }

        Person? person = null;
        if (id is { } existingId)
        {
            person = await db.Set<Person>().Include(p => p.Roles).FirstOrDefaultAsync(p => p.Id == existingId, cancellationToken);
            if (person is null)
            {
                return null;
            }
        }

        // Rights first: a refusal of access is audited whatever else is wrong with the input.
        var before = person?.Roles.Select(r => r.Role).ToHashSet() ?? [];
        var firstChair = await CheckRightsAsync(actor, person, input, teamsUserId, before, roles, texts, cancellationToken);

        if (roles.Contains(DirectoryRole.Admin) && roles.Any(DirectoryRoles.OpensCaseContent))
        {
            errors.Add("roles", texts.AdminWithCaseRoles);
        }

        var self = id ?? Guid.Empty;
        if (input.EntraObjectId is { } oid && await db.Set<Person>().AnyAsync(p => p.EntraObjectId == oid && p.Id != self, cancellationToken))
        {
            errors.Add("entraObjectId", texts.AlreadyInDirectory);
        }

        if (teamsUserId is not null && await db.Set<Person>().AnyAsync(p => p.TeamsUserId == teamsUserId && p.Id != self, cancellationToken))
        {
            errors.Add("teamsUserId", texts.TeamsIdTaken);
        }

        errors.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (person is null)
        {
            person = new Person { Id = Guid.NewGuid(), DisplayName = displayName! };
            db.Add(person);
        }

        person.EntraObjectId = input.EntraObjectId!.Value;
        person.DisplayName = displayName!;
        person.Email = email;
        person.PreferredLanguage = language;
        person.OrganisationId = input.OrganisationId!.Value;
        person.Active = input.Active ?? true;
        person.TeamsUserId = teamsUserId ?? person.TeamsUserId;
        person.Roles.RemoveAll(r => !roles.Contains(r.Role));
        foreach (var role in roles.Where(r => person.Roles.All(x => x.Role != r)))
        {
            person.Roles.Add(new PersonRole { PersonId = person.Id, Role = role });
        }

        var granted = roles.Where(r => !before.Contains(r)).Order().ToList();
        var withdrawn = before.Where(r => !roles.Contains(r)).Order().ToList();
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(actor, AuditAction.Change, "Person", person.Id, id is null ? "directory: person created" : "directory: person updated", cancellationToken);
        foreach (var role in granted)
        {
            var how = firstChair && role == DirectoryRole.Chair ? " (first chair from configuration)" : "";
            await AuditAsync(actor, AuditAction.Grant, "Person", person.Id, $"directory: role {role} granted{how}", cancellationToken);
        }

        foreach (var role in withdrawn)
        {
            await AuditAsync(actor, AuditAction.Change, "Person", person.Id, $"directory: role {role} withdrawn", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        DirectoryLog.PersonSaved(logger, person.Id);
        if (granted.Count > 0)
        {
            DirectoryLog.RolesGranted(logger, person.Id, string.Join(",", granted));
            await NotifyGrantAsync(granted, cancellationToken);
        }

        return DirectoryPerson.From(person);
    }

    /// <summary>
    /// Refuses (audited, 403) what the actor may not change; true when the change is the configured first Chair being
    /// recorded while the directory has no active Chair.
    /// </summary>
    private async Task<bool> CheckRightsAsync(
        DirectoryPerson actor, Person? person, PersonInput input, string? teamsUserId, HashSet<DirectoryRole> before, HashSet<DirectoryRole> roles,
        DirectoryTexts texts, CancellationToken cancellationToken)
    {
        var changed = new HashSet<DirectoryRole>(before);
        changed.SymmetricExceptWith(roles);
        var identityChanged = person is not null
            && (input.EntraObjectId != person.EntraObjectId || (teamsUserId is not null && teamsUserId != person.TeamsUserId));
        var reactivated = person is { Active: false } && (input.Active ?? true);

        var own = person is not null ? person.Id == actor.Id : input.EntraObjectId == actor.EntraObjectId;
        if (own && (changed.Count > 0 || identityChanged || (person is not null && (input.OrganisationId != person.OrganisationId || (input.Active ?? true) != person.Active))))
        {
            await RefuseAsync(actor, "Person", person?.Id, "own record", texts.OwnRecord, cancellationToken);
        }

        var firstChair = false;
        if (changed.Any(DirectoryRoles.OpensCaseContent) && !actor.HasRole(DirectoryRole.Chair))
        {
            firstChair = await IsFirstChairAsync(input, before, roles, changed, cancellationToken);
            if (!firstChair)
            {
                await RefuseAsync(actor, "Person", person?.Id, "case role without the Chair", texts.CaseRoleNeedsChair, cancellationToken);
            }
        }

        if (changed.Any(r => !DirectoryRoles.OpensCaseContent(r)) && !actor.HasRole(DirectoryRole.Admin))
        {
            await RefuseAsync(actor, "Person", person?.Id, "role without the Admin", texts.RoleNeedsAdmin, cancellationToken);
        }

        if ((identityChanged || reactivated) && before.Concat(roles).Any(DirectoryRoles.OpensCaseContent) && !actor.HasRole(DirectoryRole.Chair))
        {
            await RefuseAsync(actor, "Person", person?.Id, "identity of a case-role holder without the Chair", texts.CaseIdentityNeedsChair, cancellationToken);
        }

        return firstChair;
    }

    /// <summary>The configured first Chair, given the Chair role alone, while no active person holds it.</summary>
    private async Task<bool> IsFirstChairAsync(
        PersonInput input, HashSet<DirectoryRole> before, HashSet<DirectoryRole> roles, HashSet<DirectoryRole> changed, CancellationToken cancellationToken) =>
        options.Value.FirstChair is { } first
        && input.EntraObjectId == first
        && !before.Contains(DirectoryRole.Chair)
        && roles.Contains(DirectoryRole.Chair)
        && changed.Where(DirectoryRoles.OpensCaseContent).All(r => r == DirectoryRole.Chair)
        && !await db.Set<Person>().AnyAsync(p => p.Active && p.Roles.Any(r => r.Role == DirectoryRole.Chair), cancellationToken);

    /// <summary>Tells the Chair(s) and the DPO(s) which roles were granted: no name, nothing about the person.</summary>
    private async Task NotifyGrantAsync(IReadOnlyList<DirectoryRole> granted, CancellationToken cancellationToken)
    {
        var toTell = (await directory.GetPeopleWithRoleAsync(DirectoryRole.Chair, cancellationToken))
            .Concat(await directory.GetPeopleWithRoleAsync(DirectoryRole.Dpo, cancellationToken))
            .Select(p => p.EntraObjectId);
        await notices.SendAsync(toTell, language => DirectoryTexts.For(language).RoleGranted(granted), cancellationToken);
    }

    private async Task RefuseAsync(DirectoryPerson actor, string targetType, Guid? targetId, string reason, string detail, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(
            new AuditRecord(actor.EntraObjectId.ToString(), RoleText(actor), AuditAction.Denied, TargetType: targetType, TargetId: targetId?.ToString(),
                Purpose: $"directory: change refused ({reason})", Outcome: AuditOutcome.Denied),
            cancellationToken);
        DirectoryLog.ChangeRefused(logger, reason);
        throw new DirectoryRefusal(TextsFor(actor).RefusedTitle, detail);
    }

    private Task AuditAsync(DirectoryPerson actor, AuditAction action, string targetType, Guid targetId, string purpose, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            new AuditRecord(actor.EntraObjectId.ToString(), RoleText(actor), action, TargetType: targetType, TargetId: targetId.ToString(), Purpose: purpose),
            cancellationToken);

    private static DirectoryTexts TextsFor(DirectoryPerson actor) => DirectoryTexts.For(Languages.FromTag(actor.PreferredLanguage));

    private static string? RoleText(DirectoryPerson actor) => actor.Roles.Count == 0 ? null : string.Join(",", actor.Roles);
}
