using Npgsql;
using OrderTracking.Testing;

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

        var keep = dataDirectory is not null;
        var root = keep ? Path.GetFullPath(dataDirectory!) : Directory.CreateTempSubdirectory("ot-bench-pg-").FullName;
        var cluster = await LocalPostgresCluster.StartAsync(root, "-c shared_buffers=1GB -c max_wal_size=4GB -c checkpoint_timeout=30min");
        var server = new NpgsqlConnectionStringBuilder(cluster.ServerConnectionString) { Database = "ot_bench", Timeout = 60, CommandTimeout = 0 }.ConnectionString;
        await EnsureDatabaseAsync(server);
        return new BenchDatabase(server, async () =>
        {
            await cluster.StopAsync(immediate: false);
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
}
