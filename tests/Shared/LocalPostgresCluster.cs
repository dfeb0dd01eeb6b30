using System.Diagnostics;

namespace OrderTracking.Testing;

/// <summary>
/// A PostgreSQL cluster of our own, started from the local server binaries with its data in a folder we choose
/// and tuned for speed over durability (no fsync). Shared by the integration tests and the benchmark. The server
/// refuses to run as root, so as root every server binary runs as the <c>postgres</c> user.
/// </summary>
public sealed class LocalPostgresCluster
{
    private readonly string _bin;
    private readonly string _data;
    private readonly bool _asPostgresUser;

    private LocalPostgresCluster(string bin, string data, bool asPostgresUser, int port)
    {
        _bin = bin;
        _data = data;
        _asPostgresUser = asPostgresUser;
        ServerConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    /// <summary>Connects to the <c>postgres</c> database; set <c>Database</c> for another.</summary>
    public string ServerConnectionString { get; }

    /// <summary>Starts the cluster in <paramref name="root"/>, creating it first unless it exists there already.</summary>
    /// <param name="root">Holds the data folder, the socket and the log.</param>
    /// <param name="settings">More server settings, such as <c>-c max_connections=300</c>.</param>
    public static async Task<LocalPostgresCluster> StartAsync(string root, string settings = "")
    {
        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries found (looked for initdb in /usr/lib/postgresql/*/bin and on PATH). " +
            "Install PostgreSQL, or give a connection string to a server instead.");
        Directory.CreateDirectory(root);
        var data = Path.Combine(root, "data");
        var asPostgresUser = Environment.UserName == "root";
        if (asPostgresUser)
        {
            await RunAsync("chown", ["-R", "postgres:", root], asPostgresUser: false);
        }

        if (!Directory.Exists(data))
        {
            await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"], asPostgresUser);
        }

        var port = LoopbackPort.Free();
        await RunAsync(Path.Combine(bin, "pg_ctl"),
        [
            "-D", data, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "120", "start",
            "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off {settings}",
        ], asPostgresUser);
        return new LocalPostgresCluster(bin, data, asPostgresUser, port);
    }

    /// <param name="immediate">Skip the shutdown checkpoint (for clusters about to be deleted).</param>
    public Task StopAsync(bool immediate) =>
        RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", immediate ? "immediate" : "fast", "-w", "stop"], _asPostgresUser);

    private static string? FindBinDirectory()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin"))
            : [];
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
        return candidates.Concat(onPath).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgresUser)
    {
        var start = asPostgresUser
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
