using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamsPrevention.App.Data;
using TeamsPrevention.App.Sealing;
using TeamsPrevention.Tests.Infrastructure;
using TeamsPrevention.Tests.Situations;

namespace TeamsPrevention.Tests.Sealing;

/// <summary>A database made before sealing: its plain rows are read as they are and sealed by the background worker, with no loss.</summary>
public sealed class PlainRowsTests
{
    [Theory, BothProviders]
    public async Task SealsTheRowsOfADatabaseMadeBeforeSealingInTheBackground(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        CaseTexts texts;
        await using (var before = SituationsHarness.StartOn(database, KeyRotationTests.Keys(KeyRotationTests.A)))
        {
            texts = await CaseTextSteps.WriteAsync(before);
            await before.InScopeAsync(MakePlainAsync);
        }

        var plain = await CaseTextSteps.RawDumpAsync(database);
        var settings = new Dictionary<string, string?>(KeyRotationTests.Keys(KeyRotationTests.A)) { ["Sealing:WorkerEnabled"] = "true", ["Sealing:BatchSize"] = "3" };
        string read;
        await using (var after = SituationsHarness.StartOn(database, settings))
        {
            var status = after.App.Services.GetRequiredService<SealingStatus>();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((status.CountedAt is null || status.RowsLeft > 0) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.Equal(0, status.RowsLeft);
            Assert.Equal(0, status.Unreadable);
            read = await CaseTextSteps.ReadBackAsync(after, texts);
            Assert.Contains(after.Logs.Lines, l => l.Contains("(plain)", StringComparison.Ordinal) && l.Contains("rows to seal under key key-a", StringComparison.Ordinal));
        }

        // The identity was never plain; every other marker was, in the rows themselves.
        Assert.Equal(CaseTextSteps.All.Except([CaseTextSteps.Identity]), CaseTextSteps.Found(plain, []));
        Assert.Equal(CaseTextSteps.All, CaseTextSteps.Found(read, []));
        Assert.All(await CaseTextSteps.KeyIdsAsync(database), k => Assert.EndsWith(":key-a", k, StringComparison.Ordinal));
        // No plain text left in the rows, nor (SQLite, secure delete, the App stopped) anywhere in the file.
        Assert.Empty(CaseTextSteps.Found(await CaseTextSteps.RawDumpAsync(database), CaseTextSteps.SqliteFiles(database)));
    }

    /// <summary>Writes every sealed column back as plain text with no key id, as a database from before sealing holds it.</summary>
    private static async Task<int> MakePlainAsync(AppDbContext db)
    {
        var written = 0;
        foreach (var type in db.Model.GetEntityTypes().Select(SealedColumns.For).OfType<SealedType>().ToList())
        {
            var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type.ClrType).Invoke(db, null)!;
            foreach (var entity in set.AsNoTracking().ToList())
            {
                var id = (Guid)type.ClrType.GetProperty(type.KeyName)!.GetValue(entity)!;
                foreach (var field in type.Fields)
                {
                    if (field.Plain.GetValue(entity) is string text)
                    {
                        // Names from the model (never input); values as parameters.
                        var sql = $"UPDATE \"{type.Table}\" SET \"{field.Column.Split('.')[1]}\" = {{0}}, \"{SealedColumns.KeyIdProperty}\" = NULL WHERE \"{type.KeyName}\" = {{1}}";
                        written += await db.Database.ExecuteSqlRawAsync(sql, text, id);
                    }
                }
            }
        }

        Assert.True(written > 10);
        return written;
    }
}
