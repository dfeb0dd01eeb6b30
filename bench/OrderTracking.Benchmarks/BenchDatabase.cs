using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OrderTracking.Benchmarks;

/// <summary>
/// The PostgreSQL the benchmark runs against: a server named by a connection string, or a cluster of its own
/// started from the local binaries (in a temporary folder removed afterwards, or in <c>--data-dir</c>, kept and
/// reused). Tuned like the test clusters for loading speed (no fsync), with 1 GB of shared buffers.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly Func<Task>? _stop;

    private BenchDatabase(string connectionString, Func<Task>? stop)
    {
        ConnectionString = connectionString;
        _stop = stop;
    }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> OpenAsync(string? connectionString, string? dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            await EnsureDatabaseAsync(connectionString);
            return new BenchDatabase(connectionString, null);
        }

        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries found (initdb in /usr/lib/postgresql/*/bin or on PATH); pass --connection instead.");
        var keep = dataDirectory is not null;
        var root = keep ? Path.GetFullPath(dataDirectory!) : Directory.CreateTempSubdirectory("ot-bench-pg-").FullName;
        Directory.CreateDirectory(root);
        var data = Path.Combine(root, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:", root], asPostgres: false);
        }

        if (!Directory.Exists(data))
        {
            await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"], asRoot);
        }

        var port = FreePort();
        await RunAsync(Path.Combine(bin, "pg_ctl"),
        [
            "-D", data, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "120", "start",
            "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off " +
                  "-c shared_buffers=1GB -c max_wal_size=4GB -c checkpoint_timeout=30min",
        ], asRoot);

        var server = $"Host=127.0.0.1;Port={port};Username=postgres;Database=ot_bench;Timeout=60;Command Timeout=0";
        await EnsureDatabaseAsync(server);
        return new BenchDatabase(server, async () =>
        {
            await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"], asRoot);
            if (!keep)
            {
                Directory.Delete(root, recursive: true);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_stop is not null)
        {
            await _stop();
        }
    }

    private static async Task EnsureDatabaseAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
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
