using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OrderTracking.Testing;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>Real processes for the scale-out tests: WebApi instances and a Redis server, each on its own loopback port.</summary>
public static class OutOfProcess
{
    /// <summary>The WebApi assembly next to the test binaries (the test project builds it).</summary>
    public static string WebApiAssembly => Path.Combine(AppContext.BaseDirectory, "OrderTracking.WebApi.dll");
}

/// <summary>
/// One WebApi process, as it runs in production, talking to the given database (and Redis). It binds port 0 and
/// reports the port the system gave it: a port chosen here and bound later by the process could be taken in between.
/// </summary>
public sealed partial class WebApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebApiProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Where the instance listens; known once <see cref="WaitUntilReadyAsync"/> has returned.</summary>
    public Uri BaseAddress => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : throw new InvalidOperationException("The WebApi process is not listening yet.");
    public string Output { get { lock (_output) { return _output.ToString(); } } }
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// How long a start (or a verb) may take before it counts as hung. A bound, not a wait: a healthy process returns
    /// as soon as it is done. On a machine whose two cores run several builds at once, starting a process and
    /// migrating took over a minute (load average about 50), which is what made the earlier 60 s bounds fail.
    /// </summary>
    private static TimeSpan StartBound => TimeSpan.FromMinutes(3);

    public static WebApiProcess Start(string connectionString, string? redis, bool migrateOnStartup = false, params string[] args) =>
        Start(connectionString, redis, migrateOnStartup, new Dictionary<string, string>(), args);

    /// <param name="connectionString">The database.</param>
    /// <param name="environment">Variables that override the defaults below (ASPNETCORE_ENVIRONMENT, Shutdown__DrainDelaySeconds...).</param>
    public static WebApiProcess StartWith(string connectionString, IReadOnlyDictionary<string, string> environment) =>
        Start(connectionString, null, false, environment, []);

    private static WebApiProcess Start(string connectionString, string? redis, bool migrateOnStartup, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = StartInfo(connectionString, redis, migrateOnStartup, args);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var instance = new WebApiProcess(process);
        process.OutputDataReceived += (_, e) => instance.Append(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    private static ProcessStartInfo StartInfo(string connectionString, string? redis, bool migrateOnStartup, string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [OutOfProcess.WebApiAssembly, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__OrderTracking"] = connectionString;
        start.Environment["Jwt__SigningKey"] = ApiFactory.SigningKey;
        start.Environment["PasswordHashing__WorkFactor"] = "4";
        start.Environment["Database__MigrateOnStartup"] = migrateOnStartup ? "true" : "false";
        start.Environment["Redis__ConnectionString"] = redis ?? string.Empty;
        start.Environment["ORDERTRACKING_SKIP_DOTENV"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Shutdown__DrainDelaySeconds"] = "0";
        return start;
    }

    /// <summary>Runs an operations verb with <paramref name="standardInput"/> piped to it, as <c>echo … | create-admin</c> does.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbWithInputAsync(string connectionString, string standardInput, params string[] args)
    {
        var start = StartInfo(connectionString, null, false, args);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(standardInput);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(StartBound);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Runs an operations verb (migrate, create-admin) to completion.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(string connectionString, params string[] args)
    {
        await using var verb = Start(connectionString, null, false, args);
        await verb._process.WaitForExitAsync().WaitAsync(StartBound);
        return (verb._process.ExitCode, verb.Output);
    }

    /// <param name="within">How long to wait when the start does more than usual (seeding the demo data); never less than <see cref="StartBound"/>.</param>
    public async Task WaitUntilReadyAsync(TimeSpan? within = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var bound = within > StartBound ? within.Value : StartBound;
        var deadline = DateTime.UtcNow + bound;
        // What the last probe got, so a start that never becomes ready says whether it never listened, answered
        // Unhealthy, or was too slow to answer at all.
        var lastProbe = "not listening yet";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The WebApi process exited with {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                if (_listening.Task.IsCompletedSuccessfully)
                {
                    using var probe = await http.GetAsync(new Uri(BaseAddress, "/health/ready"));
                    if (probe.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }

                    lastProbe = $"/health/ready answered {(int)probe.StatusCode} {await probe.Content.ReadAsStringAsync()}";
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                lastProbe = $"/health/ready did not answer: {ex.GetType().Name} {ex.Message}";
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The WebApi process was not ready within {bound.TotalMinutes} minutes ({lastProbe}):\n{Output}");
    }

    /// <summary>Sends SIGTERM, as a container orchestrator does when it stops an instance.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Waits until the instance refuses new connections, as it does from the start of a graceful shutdown.</summary>
    public async Task WaitUntilRefusingConnectionsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, BaseAddress.Port);
            }
            catch (SocketException)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"The WebApi process still accepted connections 30 s after SIGTERM:\n{Output}");
    }

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningOn().Match(line) is { Success: true } listening)
        {
            _listening.TrySetResult(new Uri(listening.Groups[1].Value));
        }
    }

    /// <summary>Kestrel's start-up line (Microsoft.Hosting.Lifetime, Information) with the address it bound, plain or inside a JSON log line.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"Now listening on: (http://[^\s""]+)")]
    private static partial System.Text.RegularExpressions.Regex ListeningOn();
}

/// <summary>A throwaway redis-server (Debian's package) on a free loopback port, with persistence off.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
        ConnectionString = $"127.0.0.1:{port}";
    }

    public int Port { get; }

    public string ConnectionString { get; }

    public static async Task<RedisServer> StartAsync()
    {
        // redis-server cannot choose its own port. If the free port chosen here is taken before it binds, it exits
        // saying so, and another port is tried; it is ours once it says it is ready.
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPort.Free();
            var (process, said) = await LaunchAsync(port);
            if (process is not null)
            {
                return new RedisServer(process, port);
            }

            if (attempt == 3 || !said.Contains("Address already in use", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"redis-server did not start:\n{said}");
            }
        }
    }

    /// <summary>Kills the server, as a crash or a lost host would: clients see their connection drop.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Starts a new server on the same port, as Redis coming back at the same address.</summary>
    public async Task StartAgainAsync()
    {
        var (process, said) = await LaunchAsync(Port);
        _process.Dispose();
        _process = process ?? throw new InvalidOperationException($"redis-server did not start again on port {Port}:\n{said}");
    }

    private static async Task<(Process? Process, string Said)> LaunchAsync(int port)
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed (Debian: apt-get install redis-server); ./test.sh installs it.");
        var process = Process.Start(new ProcessStartInfo(executable, ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited).WaitAsync(TimeSpan.FromSeconds(30));
        if (first == ready.Task)
        {
            return (process, string.Empty);
        }

        lock (output)
        {
            process.Dispose();
            return (null, output.ToString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }
}
