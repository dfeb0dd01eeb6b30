using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using OrderTracking.Testing;

namespace OrderTracking.Benchmarks;

/// <summary>
/// The real WebApi, as built, started as a process of its own with Production settings on a loopback port, so
/// its memory can be watched apart from the benchmark's.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ApiServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <summary>The last lines the server wrote (warnings and errors), for a failed run's report.</summary>
    public IReadOnlyList<string> RecentOutput
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>Starts the WebApi with Production settings, warnings-only logging and a random signing key of its own.</summary>
    public static Task<ApiServer> StartAsync(string webApiDll, string connectionString) =>
        StartAsync(webApiDll, connectionString, new Dictionary<string, string> { ["Jwt__SigningKey"] = NewSigningKey() });

    /// <summary>A random 48-byte key, base64: a fresh one for every run, never one kept in the repository.</summary>
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    /// <summary>Starts <paramref name="webApiDll"/> (the WebApi or another ASP.NET Core app answering <c>/health/ready</c>) with Production settings and these environment variables.</summary>
    public static async Task<ApiServer> StartAsync(string webApiDll, string connectionString, IReadOnlyDictionary<string, string> environment)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var start = new ProcessStartInfo("dotnet", [webApiDll, "--urls", baseAddress.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(webApiDll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ORDERTRACKING_SKIP_DOTENV"] = "1";
        start.Environment["ConnectionStrings__OrderTracking"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The WebApi did not start.");
        var server = new ApiServer(process, baseAddress);
        process.OutputDataReceived += (_, e) => server.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => server.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = baseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(webApiDll)} stopped while starting:\n" + string.Join('\n', server._output));
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Path.GetFileName(webApiDll)} was not ready within 90 s:\n" + string.Join('\n', server._output));
    }

    /// <summary>
    /// The CPU time the server's process has used so far: utime + stime from <c>/proc/&lt;pid&gt;/stat</c>, in clock ticks
    /// turned into time. Read before and after a round, it gives the server's CPU per request, a figure that moves far less
    /// than requests per second on a shared machine (another process's load slows the server's clock, not its work).
    /// </summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");

        // The command name (field 2) is in parentheses and may hold spaces: count the fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
    }

    private static readonly long ClockTicksPerSecond = SysConf(ClockTicksName) is > 0 and var ticks ? ticks : 100;

    private const int ClockTicksName = 2; // _SC_CLK_TCK

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);

    /// <summary>The server's working set (resident memory) now, in bytes.</summary>
    public long WorkingSet()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 50)
            {
                _output.RemoveAt(0);
            }
        }
    }
}
