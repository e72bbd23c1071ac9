using Microsoft.EntityFrameworkCore;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Data;

public static class DataExtensions
{
    /// <summary>
    /// The database: SQLite by default (a file under the content root, created on first run, WAL, foreign keys on,
    /// busy timeout), PostgreSQL by configuration (<c>Data:Provider = Postgres</c>, <c>ConnectionStrings:Postgres</c>).
    /// Migrations and <see cref="IDatabaseStartupTask"/>s run at start (<see cref="DatabaseMigrator"/>).
    /// Contexts are pooled (they hold no state of their own): a request or a worker pass takes an initialised one
    /// instead of building its services again, which was a measurable part of a card answer.
    /// </summary>
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(DataOptions.Section).Get<DataOptions>() ?? new DataOptions();

        if (options.Provider == DatabaseProvider.Postgres)
        {
            var connection = builder.Configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required when Data:Provider is Postgres.");
            services.AddDbContextPool<PostgresAppDbContext>(o => o.UseNpgsql(connection));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
        }
        else
        {
            var connection = SqliteConnectionString(builder.Configuration.GetConnectionString("Sqlite"), builder.Environment.ContentRootPath);
            var setup = new SqliteConnectionSetup(options.SqliteBusyTimeoutMilliseconds);
            services.AddDbContextPool<SqliteAppDbContext>(o => o.UseSqlite(connection).AddInterceptors(setup));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
        }

        services.AddSingleton<DatabaseStatus>();
        services.AddHostedService<DatabaseMigrator>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HostingExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Defaults to <c>data/teamsprevention.db</c> under the content root (its directory is created by the migrator).
    /// Foreign keys are enforced on every connection.
    /// </summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(configured ?? "Data Source=data/teamsprevention.db")
        {
            ForeignKeys = true,
        };
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        return builder.ToString();
    }
}
