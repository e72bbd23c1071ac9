using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TeamsPrevention.App.Sealing;

/// <summary>
/// Opens every sealed column (<see cref="SealedColumns"/>) of an entity EF builds from a row, tracked or not, into its
/// plain property. A value that does not open (altered, moved from another row or column, its key gone) throws
/// <see cref="SealedValueException"/>: it is never returned as if it were the text. One instance for the process:
/// EF keys its internal services on singleton interceptors, so the <see cref="Sealer"/> is the context's App's,
/// asked of the context.
/// </summary>
internal sealed class SealedMaterializer : IMaterializationInterceptor
{
    public static readonly SealedMaterializer Instance = new();

    private SealedMaterializer()
    {
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (SealedColumns.For(materializationData.EntityType) is not { } type)
        {
            return entity;
        }

        var sealer = materializationData.Context.GetService<Sealer>();
        var keyId = materializationData.GetPropertyValue<string?>(SealedColumns.KeyIdProperty);
        var row = materializationData.GetPropertyValue<Guid>(type.KeyName);
        foreach (var field in type.Fields)
        {
            field.Plain.SetValue(entity, Open(sealer, materializationData.GetPropertyValue<string?>(field.Shadow), keyId, field, row));
        }

        return entity;
    }

    /// <summary>The plain text of a stored value: as stored for a row from before sealing (no key id), else opened.</summary>
    internal static string? Open(Sealer sealer, string? stored, string? keyId, SealedField field, Guid row) =>
        stored is null ? null : keyId is null ? stored : sealer.Open(stored, keyId, field.Where(row));
}
