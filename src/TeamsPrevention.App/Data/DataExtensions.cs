using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Data;

public static class DataExtensions
{
    /// <summary>
    /// The database: SQLite by default (a file under the content root, created on first run), PostgreSQL by
    /// configuration (<c>Data:Provider = Postgres</c>, <c>ConnectionStrings:Postgres</c>). Migrations run at start.
    /// </summary>
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section);
        var provider = builder.Configuration.GetSection(DataOptions.Section).Get<DataOptions>()?.Provider ?? DatabaseProvider.Sqlite;

        if (provider == DatabaseProvider.Postgres)
        {
            var connection = builder.Configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required when Data:Provider is Postgres.");
            services.AddDbContext<PostgresAppDbContext>(o => o.UseNpgsql(connection));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
        }
        else
        {
            var connection = SqliteConnectionString(builder.Configuration.GetConnectionString("Sqlite"), builder.Environment.ContentRootPath);
            services.AddDbContext<SqliteAppDbContext>(o => o.UseSqlite(connection));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
        }

        services.AddHostedService<DatabaseMigrator>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: [HostingExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>Defaults to <c>data/teamsprevention.db</c> under the content root and creates its directory.</summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            configured ?? "Data Source=data/teamsprevention.db");
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        var directory = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(directory))
        {
            System.IO.Directory.CreateDirectory(directory);
        }

        return builder.ToString();
    }
}
