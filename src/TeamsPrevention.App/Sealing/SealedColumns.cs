using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamsPrevention.App.Sealing;

/// <summary>
/// How a feature says a free-text property is case content, sealed at rest: <c>builder.SealedText(s =&gt; s.SignalText)</c>
/// in its <see cref="IEntityTypeConfiguration{TEntity}"/>. The property stays plain text in the code; EF maps the
/// column (same name) to a shadow property <c>{Name}Sealed</c> holding the envelope, and the row gets a
/// <see cref="KeyIdProperty"/> column naming the key that sealed all its sealed columns (null: a row written before
/// sealing, still plain, which <see cref="ResealWorker"/> seals). <see cref="SealingInterceptor"/> seals on save and
/// opens on load; a query that filters or sorts on the plain property cannot be translated (it is not mapped), so no
/// query silently compares ciphertexts.
/// </summary>
public static class SealedColumns
{
    public const string KeyIdProperty = "SealKeyId";
    public const string ShadowSuffix = "Sealed";

    private static readonly NullabilityInfoContext Nullability = new();
    private static readonly ConcurrentDictionary<IReadOnlyEntityType, SealedType?> Types = new(ReferenceEqualityComparer.Instance);

    public static EntityTypeBuilder<T> SealedText<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, string?>> property)
        where T : class
    {
        if (property.Body is not MemberExpression { Member: PropertyInfo clr })
        {
            throw new ArgumentException("A property of the entity, e.g. s => s.SignalText.", nameof(property));
        }

        builder.Ignore(clr.Name);
        builder.Property<string?>(clr.Name + ShadowSuffix).HasColumnName(clr.Name)
            .IsRequired(Nullability.Create(clr).WriteState == NullabilityState.NotNull);
        builder.Property<string?>(KeyIdProperty).HasMaxLength(SealingKeyRing.MaxKeyIdLength);
        return builder;
    }

    /// <summary>The sealed columns of an entity type; null when it has none.</summary>
    public static SealedType? For(IReadOnlyEntityType entityType) => Types.GetOrAdd(entityType, Describe);

    private static SealedType? Describe(IReadOnlyEntityType entityType)
    {
        if (entityType.FindProperty(KeyIdProperty) is null || entityType.FindPrimaryKey() is not { Properties: [{ ClrType: var keyType } id] } || keyType != typeof(Guid))
        {
            return null;
        }

        var table = entityType.GetTableName()!;
        var fields = entityType.GetProperties()
            .Where(p => p.IsShadowProperty() && p.Name.EndsWith(ShadowSuffix, StringComparison.Ordinal))
            .Select(p => new SealedField(p.Name, entityType.ClrType.GetProperty(p.Name[..^ShadowSuffix.Length])!, $"{table}.{p.GetColumnName()}"))
            .ToList();
        return fields.Count == 0 ? null : new SealedType(entityType.ClrType, table, id.Name, fields);
    }
}

/// <summary>An entity type's sealed columns: <see cref="Fields"/> share the row's <see cref="SealedColumns.KeyIdProperty"/>.</summary>
public sealed record SealedType(Type ClrType, string Table, string KeyName, IReadOnlyList<SealedField> Fields);

/// <summary>One sealed column: the shadow property holding the envelope, the plain property the code uses, <c>Table.Column</c>.</summary>
public sealed record SealedField(string Shadow, PropertyInfo Plain, string Column)
{
    /// <summary>Where a value of this column for a row is sealed (the associated data, with the key id).</summary>
    public string Where(Guid row) => $"{Column}:{row:D}";
}
