using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OrderTracking.Testing;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>Real processes for the scale-out tests: WebApi instances and a Redis server, each on a free loopback port.</summary>
public static class OutOfProcess
{
    /// <summary>The WebApi assembly next to the test binaries (the test project builds it).</summary>
    public static string WebApiAssembly => Path.Combine(AppContext.BaseDirectory, "OrderTracking.WebApi.dll");
}

/// <summary>One WebApi process, as it runs in production, talking to the given database (and Redis).</summary>
public sealed class WebApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WebApiProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }
    public Uri BaseAddress { get; }
    public string Output { get { lock (_output) { return _output.ToString(); } } }
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public static WebApiProcess Start(string connectionString, string? redis, bool migrateOnStartup = false, params string[] args) =>
        Start(connectionString, redis, migrateOnStartup, new Dictionary<string, string>(), args);

    /// <param name="connectionString">The database.</param>
    /// <param name="environment">Variables that override the defaults below (ASPNETCORE_ENVIRONMENT, Shutdown__DrainDelaySeconds...).</param>
    public static WebApiProcess StartWith(string connectionString, IReadOnlyDictionary<string, string> environment) =>
        Start(connectionString, null, false, environment, []);

    private static WebApiProcess Start(string connectionString, string? redis, bool migrateOnStartup, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var port = LoopbackPort.Free();
        var start = StartInfo(connectionString, redis, migrateOnStartup, port, args);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var instance = new WebApiProcess(process, port);
        process.OutputDataReceived += (_, e) => instance.Append(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    private static ProcessStartInfo StartInfo(string connectionString, string? redis, bool migrateOnStartup, int port, string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [OutOfProcess.WebApiAssembly, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__OrderTracking"] = connectionString;
        start.Environment["Jwt__SigningKey"] = ApiFactory.SigningKey;
        start.Environment["PasswordHashing__WorkFactor"] = "4";
        start.Environment["Database__MigrateOnStartup"] = migrateOnStartup ? "true" : "false";
        start.Environment["Redis__ConnectionString"] = redis ?? string.Empty;
        start.Environment["ORDERTRACKING_SKIP_DOTENV"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Shutdown__DrainDelaySeconds"] = "0";
        return start;
    }

    /// <summary>Runs an operations verb with <paramref name="standardInput"/> piped to it, as <c>echo … | create-admin</c> does.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbWithInputAsync(string connectionString, string standardInput, params string[] args)
    {
        var start = StartInfo(connectionString, null, false, LoopbackPort.Free(), args);
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(standardInput);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Runs an operations verb (migrate, create-admin) to completion.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(string connectionString, params string[] args)
    {
        await using var verb = Start(connectionString, null, false, args);
        await verb._process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (verb._process.ExitCode, verb.Output);
    }

    /// <param name="within">How long to wait; 60 s unless the start does more (seeding the demo data).</param>
    public async Task WaitUntilReadyAsync(TimeSpan? within = null)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The WebApi process exited with {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The WebApi process was not ready in time:\n{Output}");
    }

    /// <summary>Sends SIGTERM, as a container orchestrator does when it stops an instance.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
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
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}

/// <summary>A throwaway redis-server (Debian's package) on a free loopback port, with persistence off.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        ConnectionString = $"127.0.0.1:{port}";
    }

    public string ConnectionString { get; }

    public static async Task<RedisServer> StartAsync()
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed (Debian: apt-get install redis-server); .ci/run installs it.");
        var port = LoopbackPort.Free();
        var process = Process.Start(new ProcessStartInfo(executable, ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new RedisServer(process, port);
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        process.Kill();
        throw new InvalidOperationException("redis-server did not start listening.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
