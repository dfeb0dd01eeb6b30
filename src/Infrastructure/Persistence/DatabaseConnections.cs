using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderTracking.Infrastructure.Export;

namespace OrderTracking.Infrastructure.Persistence;

/// <summary>
/// The application's connections, each a data source of its own built once from the connection string:
/// <see cref="Application"/> for requests and background work, a small <see cref="Exports"/> pool for CSV exports,
/// which hold their connection for as long as the client reads, so they can never take the connections every other
/// request needs, and the unpooled <see cref="Listener"/> that waits for the outbox's notifications. Every statement of
/// the pools runs under a server-side <c>statement_timeout</c> (a longer one for exports) and, once it repeats on a
/// connection, is prepared there (<see cref="DatabaseOptions.MaxAutoPrepare"/>). Each has a fixed name, so
/// metrics label it by name and never by host, port, database or user.
/// </summary>
public sealed class DatabaseConnections(IConfiguration configuration, IOptions<DatabaseOptions> database, IOptions<ExportOptions> exports) : IAsyncDisposable
{
    public const string ApplicationPoolName = "order-tracking";
    public const string ExportPoolName = "order-tracking-exports";
    public const string ListenerName = "order-tracking-listener";

    private readonly Lazy<NpgsqlDataSource> _application = new(() =>
        Build(configuration, ApplicationPoolName, database.Value, database.Value.StatementTimeoutSeconds, maxPoolSize: null));

    private readonly Lazy<NpgsqlDataSource> _exports = new(() =>
        Build(configuration, ExportPoolName, database.Value, exports.Value.StatementTimeoutSeconds, exports.Value.MaxConcurrent));

    public NpgsqlDataSource Application => _application.Value;

    private readonly Lazy<NpgsqlDataSource> _listener = new(() =>
    {
        // One long-lived connection that only waits: outside any pool, kept alive through idle firewalls, no statement timeout.
        var builder = new NpgsqlDataSourceBuilder(configuration.GetConnectionString(DependencyInjection.ConnectionStringName)) { Name = ListenerName };
        builder.ConnectionStringBuilder.Pooling = false;
        builder.ConnectionStringBuilder.KeepAlive = 30;
        return builder.Build();
    });

    public NpgsqlDataSource Exports => _exports.Value;

    public NpgsqlDataSource Listener => _listener.Value;

    public async ValueTask DisposeAsync()
    {
        if (_application.IsValueCreated)
        {
            await _application.Value.DisposeAsync();
        }

        if (_exports.IsValueCreated)
        {
            await _exports.Value.DisposeAsync();
        }

        if (_listener.IsValueCreated)
        {
            await _listener.Value.DisposeAsync();
        }
    }

    private static NpgsqlDataSource Build(IConfiguration configuration, string name, DatabaseOptions database, int statementTimeoutSeconds, int? maxPoolSize)
    {
        var builder = new NpgsqlDataSourceBuilder(configuration.GetConnectionString(DependencyInjection.ConnectionStringName)) { Name = name };
        var settings = builder.ConnectionStringBuilder;
        settings.Options = $"{settings.Options} -c statement_timeout={statementTimeoutSeconds * 1000}".Trim();

        // The client's own timeout stays behind the server's: the server cancels just the statement and says why, where
        // the client's would break the connection.
        settings.CommandTimeout = Math.Max(settings.CommandTimeout, statementTimeoutSeconds + 5);
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = database.MaxAutoPrepare;
        }

        if (maxPoolSize is { } max)
        {
            settings.MaxPoolSize = max;
            settings.MinPoolSize = 0;
        }

        return builder.Build();
    }
}
