using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrderTracking.Infrastructure.Persistence;

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

    /// <summary>A new database with no schema at all, for tests of migrating it.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = "ot_test_empty_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(_adminConnectionString, $"CREATE DATABASE \"{name}\"");
        return WithDatabase(name);
    }

    private string WithDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = database, Pooling = true, MaxPoolSize = 40 }.ConnectionString;

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
            await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
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

    /// <summary>A PostgreSQL cluster in a temporary folder, tuned for speed over durability, gone after the run.</summary>
    private static class ThrowawayCluster
    {
        public static async Task<string> StartAsync()
        {
            var bin = FindBinDirectory() ?? throw new InvalidOperationException(
                "No PostgreSQL server binaries found (looked for initdb in /usr/lib/postgresql/*/bin and on PATH). " +
                "Install PostgreSQL, or set ConnectionStrings__OrderTracking (or TEST_POSTGRES) to a server the tests may create databases on.");
            var root = Directory.CreateTempSubdirectory("ot-test-pg-").FullName;
            var data = Path.Combine(root, "data");
            var port = FreePort();
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                await RunAsync("chown", ["-R", "postgres:", root], asPostgres: false);
            }

            await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"], asRoot);
            await RunAsync(Path.Combine(bin, "pg_ctl"),
            [
                "-D", data, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "60", "start",
                "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            ], asRoot);

            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], asRoot).GetAwaiter().GetResult();
                    Directory.Delete(root, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
                {
                    // The run is over; a leftover temp folder is harmless.
                }
            };

            return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
        }

        private static string? FindBinDirectory()
        {
            var candidates = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin"))
                : [];
            var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
            return candidates.Concat(onPath).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static async Task RunAsync(string file, string[] args, bool asPostgres)
        {
            var start = asPostgres
                ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args])
                : new ProcessStartInfo(file, args);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.WorkingDirectory = Path.GetTempPath();
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await stderr}{await stdout}");
            }
        }
    }
}
