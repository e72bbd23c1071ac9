using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TeamsPrevention.App.Sealing;

/// <summary>
/// Seals every sealed column (<see cref="SealedColumns"/>) on its way to the database, whatever wrote it through EF
/// (<see cref="SealedMaterializer"/> opens it on the way back): a new row is sealed whole under the current key; a changed value is sealed
/// again, and a row whose columns are under an older key (or plain, from before sealing) is then sealed whole, so a
/// row's <see cref="SealedColumns.KeyIdProperty"/> always names the key of all its columns.
/// </summary>
internal sealed class SealingInterceptor(Sealer sealer) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Seal(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Seal(eventData.Context);
        return ValueTask.FromResult(result);
    }


    private void Seal(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged && SealedColumns.For(entry.Metadata) is { } type)
            {
                Seal(entry, type);
            }
        }
    }

    private void Seal(EntityEntry entry, SealedType type)
    {
        var row = (Guid)entry.Property(type.KeyName).CurrentValue!;
        var keyId = entry.Property(SealedColumns.KeyIdProperty);
        var added = entry.State == EntityState.Added;
        var storedKey = added ? null : (string?)keyId.OriginalValue;
        var plains = new string?[type.Fields.Count];
        var changed = new bool[type.Fields.Count];
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var field = type.Fields[i];
            plains[i] = (string?)field.Plain.GetValue(entry.Entity);
            changed[i] = added || !string.Equals(plains[i], SealedMaterializer.Open(sealer, (string?)entry.Property(field.Shadow).OriginalValue, storedKey, field, row), StringComparison.Ordinal);
        }

        if (!changed.Contains(true))
        {
            return;
        }

        var whole = added || !string.Equals(storedKey, sealer.CurrentKeyId, StringComparison.Ordinal);
        for (var i = 0; i < type.Fields.Count; i++)
        {
            if (whole || changed[i])
            {
                var field = type.Fields[i];
                entry.Property(field.Shadow).CurrentValue = plains[i] is { } plain ? sealer.Seal(plain, field.Where(row)) : null;
            }
        }

        if (whole)
        {
            keyId.CurrentValue = sealer.CurrentKeyId;
        }
    }
}
