using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TeamsPrevention.App.Audit;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;

namespace TeamsPrevention.App.Situations;

/// <summary>
/// A year of fictitious past situations for the demo city (<see cref="SituationsOptions.SeedDemoHistory"/> with
/// <see cref="DirectoryOptions.SeedDemo"/>; Development only, refused in Production): 12 to 20 signals a month from the
/// demo organisations, screened, included or declined by the Chair, some closed, each with one to three indicators
/// of the checklist and a sealed identity of invented names. Drawn from a fixed random seed, so the same day gives
/// the same figures (tests assert on them). Runs once, on an empty case store, in one transaction with its single
/// audit entry. No channel is asked for (history has none), and a declined situation is never older than its
/// retention (the purge would remove it at once). Free text stays empty: nothing to seal but the identity.
/// </summary>
internal sealed class DemoSituationsSeed(
    IOptions<SituationsOptions> options, IOptions<DirectoryOptions> directory, IdentityProtector protector, AuditLog audit, TimeProvider time,
    ILogger<DemoSituationsSeed> logger) : IDatabaseStartupTask
{
    public const int RandomSeed = 2018;
    public const string Purpose = "demo history seeded";
    public const string Evidence = "Observation fictive (données de démonstration).";

    private static readonly (string Organisation, int Weight)[] Sources = [("school", 6), ("cpas", 3), ("youth", 4), ("association", 3), ("police", 4), ("cell", 2)];
    private static readonly string[] FirstNames = ["Alex", "Sam", "Noa", "Lou", "Eden", "Charlie", "Yanis", "Inès", "Milan", "Zoé"];
    private static readonly string?[] ReferredTo = ["CPAS", "AMO", "Service de santé mentale", null];

    public async Task RunAsync(AppDbContext db, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        if (!options.Value.SeedDemoHistory || !directory.Value.SeedDemo)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organisations = await db.Set<Organisation>().AsNoTracking().ToDictionaryAsync(o => o.Key, o => o.Id, cancellationToken);
        var people = await db.Set<Person>().AsNoTracking().Include(p => p.Roles).OrderBy(p => p.EntraObjectId).ToListAsync(cancellationToken);
        var referent = people.FirstOrDefault(p => p.Roles.Any(r => r.Role == DirectoryRole.Referent));
        var chair = people.FirstOrDefault(p => p.Roles.Any(r => r.Role == DirectoryRole.Chair));
        if (referent is null || chair is null || Sources.Any(s => !organisations.ContainsKey(s.Organisation)) || await db.Set<Situation>().AnyAsync(cancellationToken))
        {
            SituationsLog.DemoHistorySkipped(logger);
            return;
        }

        var situations = Generate(time.GetUtcNow(), organisations, people, referent.Id, chair.Id, options.Value);
        db.AddRange(situations.Select(s => s.Situation));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (situation, identity) in situations)
        {
            var row = new SituationIdentity { SituationId = situation.Id, KeyId = "", Nonce = [], Ciphertext = [], Tag = [], UpdatedAt = situation.CreatedAt };
            protector.Seal(row, situation.Id, identity);
            db.Add(row);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditRecord.SystemActor, null, AuditAction.System, TargetType: "Situation", Purpose: Purpose), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        SituationsLog.DemoHistorySeeded(logger, situations.Count);
    }

    /// <summary>The situations of the twelve months before <paramref name="now"/>, the same for the same day.</summary>
    internal static List<(Situation Situation, Dictionary<string, string> Identity)> Generate(
        DateTimeOffset now, IReadOnlyDictionary<string, Guid> organisations, IReadOnlyList<Person> people, Guid referentId, Guid chairId, SituationsOptions options)
    {
        var random = new Random(RandomSeed);
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var indicators = options.EffectiveIndicators;
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(Situation, Dictionary<string, string>)>();
        var weights = Sources.Sum(s => s.Weight);
        for (var daysBack = 365; daysBack >= 1; daysBack--)
        {
            // About 16 signals a month: each day one with a probability of 0.53.
            if (random.NextDouble() >= 0.53)
            {
                continue;
            }

            var created = day.AddDays(-daysBack).AddHours(7 + random.Next(0, 10)).AddMinutes(random.Next(0, 60));
            var pick = random.Next(weights);
            var source = Sources.First(s => (pick -= s.Weight) < 0).Organisation;
            var sourceId = organisations[source];
            var reporter = people.FirstOrDefault(p => p.OrganisationId == sourceId && p.Roles.Any(r => r.Role is DirectoryRole.Partner or DirectoryRole.PoliceReferent))?.Id ?? referentId;
            var situation = new Situation
            {
                Id = Guid.NewGuid(),
                Code = NewCode(random, codes),
                Status = SituationStatus.Signalled,
                SourceOrganisationId = sourceId,
                SignalDate = DateOnly.FromDateTime(created.AddDays(-random.Next(0, 6)).UtcDateTime),
                ReportedBy = reporter,
                CreatedAt = created,
                ReferentId = referentId,
                ChannelState = ChannelState.None,
            };
            Decide(situation, random, now, chairId, options);
            situation.NeedToKnow.Add(new NeedToKnowEntry { SituationId = situation.Id, PersonId = referentId, GrantedBy = referentId, GrantedAt = created });
            if (reporter != referentId)
            {
                situation.NeedToKnow.Add(new NeedToKnowEntry { SituationId = situation.Id, PersonId = reporter, GrantedBy = referentId, GrantedAt = created });
            }

            foreach (var key in indicators.Select(i => i.Key).OrderBy(_ => random.Next()).Take(1 + random.Next(0, 3)))
            {
                situation.Indicators.Add(new SituationIndicator
                {
                    Id = Guid.NewGuid(),
                    SituationId = situation.Id,
                    IndicatorKey = key,
                    Evidence = Evidence,
                    ObservedBy = reporter,
                    RecordedAt = created,
                });
            }

            var identity = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["firstName"] = FirstNames[random.Next(FirstNames.Length)],
                ["lastName"] = $"Fictif-{result.Count + 1:000}",
            };
            result.Add((situation, identity));
        }

        return result;
    }

    /// <summary>Screening, then the Chair's decision a week to a month later; a third of older inclusions closed since.</summary>
    private static void Decide(Situation s, Random random, DateTimeOffset now, Guid chairId, SituationsOptions options)
    {
        var decided = s.CreatedAt.AddDays(7 + random.Next(0, 24));
        var roll = random.NextDouble();
        if (decided >= now)
        {
            s.Status = roll < 0.5 ? SituationStatus.Signalled : SituationStatus.Screening;
            return;
        }

        s.DecidedAt = decided;
        s.DecidedBy = chairId;
        var declinedUntil = decided + options.DeclinedRetention;
        if (roll < 0.4 && declinedUntil > now.AddDays(7))
        {
            s.Status = SituationStatus.Declined;
            s.ReferredTo = ReferredTo[random.Next(ReferredTo.Length)];
            s.RetentionUntil = declinedUntil;
            return;
        }

        s.Status = SituationStatus.Included;
        var closed = decided.AddDays(60 + random.Next(0, 150));
        if (closed < now && random.NextDouble() < 0.45)
        {
            s.Status = SituationStatus.Closed;
            s.ClosedAt = closed;
            s.RetentionUntil = closed + options.ClosedRetention;
            return;
        }

        // An open inclusion: its next review within the interval, a few overdue.
        s.NextReviewAt = now.AddDays(random.NextDouble() < 0.1 ? -random.Next(1, 10) : random.Next(5, 80));
    }

    private static string NewCode(Random random, HashSet<string> taken)
    {
        while (true)
        {
            var chars = new char[7];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = i == 3 ? '-' : SituationCodes.Alphabet[random.Next(SituationCodes.Alphabet.Length)];
            }

            var code = new string(chars);
            if (taken.Add(code))
            {
                return code;
            }
        }
    }
}
