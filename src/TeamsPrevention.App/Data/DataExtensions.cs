using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Data;

public static class DataExtensions
{
    /// <summary>
    /// The database: SQLite by default (a file under the content root, created on first run, WAL, foreign keys on,
    /// busy timeout), PostgreSQL by configuration (<c>Data:Provider = Postgres</c>, <c>ConnectionStrings:Postgres</c>).
    /// Migrations and <see cref="IDatabaseStartupTask"/>s run at start (<see cref="DatabaseMigrator"/>).
    /// Contexts are pooled (they hold no state of their own): a request or a worker pass takes an initialised one
    /// instead of building its services again, which was a measurable part of a card answer. Every
    /// <see cref="IInterceptor"/> registered in the services is given to the contexts (sealing of case content).
    /// </summary>
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(DataOptions.Section).Get<DataOptions>() ?? new DataOptions();

        if (options.Provider == DatabaseProvider.Postgres)
        {
            var connection = PostgresConnectionString(builder.Configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required when Data:Provider is Postgres."));
            services.AddDbContextPool<PostgresAppDbContext>((sp, o) => o.UseNpgsql(connection).AddInterceptors(sp.GetServices<IInterceptor>()));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
        }
        else
        {
            var connection = SqliteConnectionString(builder.Configuration.GetConnectionString("Sqlite"), builder.Environment.ContentRootPath);
            var setup = new SqliteConnectionSetup(options.SqliteBusyTimeoutMilliseconds);
            services.AddDbContextPool<SqliteAppDbContext>((sp, o) => o.UseSqlite(connection).AddInterceptors([setup, .. sp.GetServices<IInterceptor>()]));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
        }

        services.AddSingleton<DatabaseStatus>();
        services.AddHostedService<DatabaseMigrator>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HostingExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// The statements the App runs again and again (a card answer's, the worker's) are prepared on each connection once
    /// they have run twice (Npgsql's automatic preparation, off by default): PostgreSQL then neither parses nor plans
    /// them again, and it shares the machine's cores with the App. A connection string that sets
    /// <c>Max Auto Prepare</c> itself is left as it is (0 turns it off, e.g. behind a pooler that cannot keep prepared
    /// statements).
    /// </summary>
    internal static string PostgresConnectionString(string configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        // Npgsql's builder knows every keyword (its ContainsKey is always true for this one): ask the string as written.
        var stated = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured }.Keys.Cast<string>()
            .Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
        if (!stated)
        {
            builder.MaxAutoPrepare = 200;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ToString();
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
