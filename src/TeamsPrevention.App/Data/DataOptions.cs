namespace TeamsPrevention.App.Data;

/// <summary>Which database the App uses. Bound from the <c>Data</c> section; connection strings from <c>ConnectionStrings</c>.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary><see cref="DatabaseProvider.Sqlite"/> (a file created on first run) or <see cref="DatabaseProvider.Postgres"/>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
