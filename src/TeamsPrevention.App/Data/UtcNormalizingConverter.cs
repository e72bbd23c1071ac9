using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TeamsPrevention.App.Data;

/// <summary>
/// PostgreSQL's <c>timestamptz</c> takes only UTC offsets from Npgsql: any <see cref="DateTimeOffset"/> (a stored value or a
/// query parameter such as "now") is brought to UTC first, so an instant given with a Brussels offset is still accepted.
/// </summary>
internal sealed class UtcNormalizingConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);
