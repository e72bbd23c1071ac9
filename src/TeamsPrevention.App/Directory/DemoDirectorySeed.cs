using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Directory;

/// <summary>
/// Seeds the demo directory from the embedded <c>demo-directory.json</c> when <see cref="DirectoryOptions.SeedDemo"/> is
/// on and the directory is empty (no organisation, no person). Runs at start after migrations, in one transaction with
/// its audit entry, so it happens once even when several instances start together. Resolved from the migrator's
/// scope, so <see cref="AuditLog"/> shares its context.
/// </summary>
internal sealed class DemoDirectorySeed(IOptions<DirectoryOptions> options, AuditLog audit, ILogger<DemoDirectorySeed> logger) : IDatabaseStartupTask
{
    public const string ResourceName = "TeamsPrevention.App.Directory.demo-directory.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RunAsync(AppDbContext db, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemo)
        {
            return;
        }

        var seed = await LoadAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Set<Organisation>().AnyAsync(cancellationToken) || await db.Set<Person>().AnyAsync(cancellationToken))
        {
            DirectoryLog.SeedSkipped(logger);
            return;
        }

        var organisations = seed.Organisations.ToDictionary(
            o => o.Key,
            o => new Organisation { Id = Guid.NewGuid(), Key = o.Key, Name = o.Name, Kind = Enum.Parse<OrganisationKind>(o.Kind) });
        db.AddRange(organisations.Values);

        var people = seed.People.ToDictionary(
            p => p.EntraObjectId,
            p =>
            {
                var id = Guid.NewGuid();
                return new Person
                {
                    Id = id,
                    EntraObjectId = p.EntraObjectId,
                    TeamsUserId = p.TeamsUserId,
                    DisplayName = p.DisplayName,
                    Email = p.Email,
                    PreferredLanguage = p.PreferredLanguage,
                    OrganisationId = organisations[p.Organisation].Id,
                    Active = true,
                    Roles = [.. p.Roles.Select(r => new PersonRole { PersonId = id, Role = Enum.Parse<DirectoryRole>(r) })],
                };
            });
        db.AddRange(people.Values);

        var deputyships = seed.Deputies.Select(d => new Deputyship
        {
            Id = Guid.NewGuid(),
            PersonId = people[d.Person].Id,
            DeputyId = people[d.Deputy].Id,
        }).ToList();
        db.AddRange(deputyships);

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(
            new AuditRecord(AuditRecord.SystemActor, null, AuditAction.System, TargetType: "Directory", Purpose: "demo directory seeded"),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        DirectoryLog.Seeded(logger, organisations.Count, people.Count, deputyships.Count);
    }

    internal static async Task<DemoDirectory> LoadAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(DemoDirectorySeed).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return await JsonSerializer.DeserializeAsync<DemoDirectory>(stream, Json, cancellationToken)
            ?? throw new InvalidOperationException($"{ResourceName} is empty.");
    }
}
