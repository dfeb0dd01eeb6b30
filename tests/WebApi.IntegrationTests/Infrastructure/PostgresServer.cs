using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.Infrastructure.Webhooks;
using OrderTracking.Testing;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server of a test run. With <c>ConnectionStrings__OrderTracking</c> (or
/// <c>TEST_POSTGRES</c>) set it uses that server; otherwise it starts a throwaway cluster from the local
/// PostgreSQL binaries in a temporary folder and removes it when the run ends. Each test class gets a
/// database of its own, cloned from a template that is migrated once per run.
/// </summary>
public sealed class PostgresServer
{
    private const string TemplateDatabase = "ot_test_template";
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private readonly string _adminConnectionString;

    private PostgresServer(string adminConnectionString)
    {
        _adminConnectionString = adminConnectionString;
    }

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    /// <summary>A new, migrated, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "ot_test_" + Guid.NewGuid().ToString("N")[..16];
        await _createLock.WaitAsync();
        try
        {
            await ExecuteAsync(_adminConnectionString, $"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateDatabase}\"");
        }
        finally
        {
            _createLock.Release();
        }

        return WithDatabase(name);
    }

    /// <summary>
    /// Drops a test class's database once its host has stopped: a run makes hundreds of them, and kept they fill a
    /// small disk (an official CI run failed on "No space left on device" at 2.5 minutes).
    /// </summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>A new database with no schema at all, for tests of migrating it.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = "ot_test_empty_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(_adminConnectionString, $"CREATE DATABASE \"{name}\"");
        return WithDatabase(name);
    }

    // Dozens of app hosts come and go in one run, each with its own database, pool and background services (outbox
    // dispatcher and listener, webhook worker): idle connections are closed after seconds rather than Npgsql's five
    // minutes, so finished hosts do not hold the server's connection slots.
    private string WithDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(_adminConnectionString)
        {
            Database = database,
            Pooling = true,
            MaxPoolSize = 40,
            ConnectionIdleLifetime = 5,
            ConnectionPruningInterval = 1,
        }.ConnectionString;

    private static async Task<PostgresServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("TEST_POSTGRES")
            ?? Environment.GetEnvironmentVariable("ConnectionStrings__OrderTracking");
        var adminConnectionString = string.IsNullOrWhiteSpace(configured)
            ? await ThrowawayCluster.StartAsync()
            : new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString;

        var server = new PostgresServer(adminConnectionString);
        await server.PrepareTemplateAsync();
        return server;
    }

    private async Task PrepareTemplateAsync()
    {
        await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS \"{TemplateDatabase}\" WITH (FORCE)");
        await ExecuteAsync(_adminConnectionString, $"CREATE DATABASE \"{TemplateDatabase}\"");
        var templateConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = TemplateDatabase, Pooling = false }.ConnectionString;
        var options = (DbContextOptions<AppDbContext>)AppDbContextOptions.Configure(new DbContextOptionsBuilder<AppDbContext>(), templateConnectionString).Options;
        await using (var db = new AppDbContext(options))
        {
            await new DatabaseMigrator(db, new PlainSecretsMigration(new WebhookSecretProtector(new EphemeralDataProtectionProvider())), NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        }

        NpgsqlConnection.ClearAllPools();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A cluster in a temporary folder for this run, stopped and deleted when the run ends.</summary>
    private static class ThrowawayCluster
    {
        public static async Task<string> StartAsync()
        {
            var root = Directory.CreateTempSubdirectory("ot-test-pg-").FullName;
            var cluster = await LocalPostgresCluster.StartAsync(root, "-c max_connections=1000");
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    cluster.StopAsync(immediate: true).GetAwaiter().GetResult();
                    Directory.Delete(root, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
                {
                    // The run is over; a leftover temp folder is harmless.
                }
            };

            return cluster.ServerConnectionString;
        }
    }
}
