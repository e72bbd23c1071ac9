using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Data;

namespace TeamsPrevention.App.Alerts;

/// <summary>Values for the few raw upserts of alerts (<c>ON CONFLICT</c>): raw SQL bypasses EF's converters, so SQLite gets its storage forms.</summary>
internal static class AlertSql
{
    /// <summary>A Guid as stored: upper-case text on SQLite, uuid on PostgreSQL.</summary>
    public static object Key(AppDbContext db, Guid id) => db.Database.IsSqlite() ? id.ToString().ToUpperInvariant() : id;

    /// <summary>A time as stored: UTC ticks on SQLite (see <c>UtcTicksConverter</c>), timestamptz on PostgreSQL.</summary>
    public static object Time(AppDbContext db, DateTimeOffset at) => db.Database.IsSqlite() ? at.UtcTicks : at.ToUniversalTime();
}
