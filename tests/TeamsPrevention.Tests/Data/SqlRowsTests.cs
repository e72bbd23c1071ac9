using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Directory;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Data;

/// <summary><see cref="SqlRows"/>: many rows as one statement's table, on each provider, in the forms the context stores.</summary>
public sealed class SqlRowsTests
{
    private static readonly Dictionary<string, string?> NoSeed = new() { ["Directory:SeedDemo"] = "false" };

    [Theory, BothProviders]
    public async Task ReadsBackEveryRowInOrderWithNullsAndAwkwardText(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, NoSeed);
        string?[] texts = ["Liège – « l'école »", null, "\"quoted\" \\ back\nslash", "", "日本"];
        var rows = Enumerable.Range(0, 300)
            .Select(i => (Text: texts[i % texts.Length], Number: i % 2 == 0 ? long.MaxValue - i : long.MinValue + i))
            .OrderBy(r => r.Number)
            .ToList();

        var read = await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var (select, parameters) = SqlRows.Of(db, "rows", rows.Select(r => r.Text).ToArray(), rows.Select(r => r.Number).ToArray());
            return await ReadAsync(db, $"""WITH "Given" ("Text", "Number") AS ({select}) SELECT "Text", "Number" FROM "Given" ORDER BY "Number" """, parameters, r => (r.IsDBNull(0) ? null : r.GetString(0), r.GetInt64(1)));
        });

        Assert.Equal(rows, read);
    }

    [Theory, BothProviders]
    public async Task KeysAndTimesMatchWhatTheContextStored(DatabaseProvider provider)
    {
        await using var app = await DatabaseApp.StartAsync(provider, NoSeed);
        var organisations = Enumerable.Range(0, 3)
            .Select(i => new Organisation { Id = Guid.NewGuid(), Key = $"org-{i}", Name = $"Organisation fictive {i}", Kind = OrganisationKind.Other })
            .ToList();
        await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            db.AddRange(organisations);
            return await db.SaveChangesAsync();
        });
        var at = new DateTimeOffset(2026, 11, 29, 17, 5, 3, TimeSpan.FromHours(1)).AddTicks(1230);

        // Two of the three organisations (and a key that matches none), each with a time compared in SQL to a stored one.
        Guid[] asked = [organisations[2].Id, Guid.NewGuid(), organisations[0].Id];
        var found = await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var (select, parameters) = SqlRows.Of(db, "asked", asked, asked.Select(_ => at.ToUniversalTime()).ToArray());
            var sql = $$"""
                WITH "Asked" ("Id", "At") AS ({{select}})
                SELECT "Organisations"."Key" AS "Value"
                FROM "Asked"
                JOIN "Organisations" ON "Organisations"."Id" = "Asked"."Id"
                WHERE "Asked"."At" = {0}
                ORDER BY "Organisations"."Key"
                """;
            return await db.Database.SqlQueryRaw<string>(sql, [AtAsStored(db, at), .. parameters]).ToListAsync();
        });

        Assert.Equal(["org-0", "org-2"], found);
    }

    [Fact]
    public async Task RefusesColumnsOfDifferentLengthsAndTypesWithoutAStoredForm()
    {
        await using var app = await DatabaseApp.StartAsync(DatabaseProvider.Sqlite, NoSeed);
        await app.InScopeAsync(s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            Assert.Throws<ArgumentException>(() => SqlRows.Of(db, "rows", new[] { "a", "b" }, new[] { 1L }));
            Assert.Throws<ArgumentException>(() => SqlRows.Of(db, "rows", new[] { 1.5 }));
            return Task.FromResult(0);
        });
    }

    private static object AtAsStored(AppDbContext db, DateTimeOffset at) => db.Database.IsSqlite() ? at.UtcTicks : at.ToUniversalTime();

    private static async Task<List<T>> ReadAsync<T>(AppDbContext db, string sql, DbParameter[] parameters, Func<DbDataReader, T> read)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
