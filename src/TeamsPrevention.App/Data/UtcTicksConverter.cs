using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TeamsPrevention.App.Data;

/// <summary>
/// SQLite has no date type and EF Core cannot compare or order <see cref="DateTimeOffset"/> there, so on SQLite every
/// <see cref="DateTimeOffset"/> is stored as UTC ticks (an integer: sortable, comparable, exact). PostgreSQL keeps
/// <c>timestamptz</c>.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
