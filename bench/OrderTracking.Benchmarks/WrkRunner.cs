using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace OrderTracking.Benchmarks;

/// <summary>One wrk round: requests per second, latency percentiles and every kind of error wrk counts.</summary>
/// <param name="FirstError">With <c>recordErrors</c>, the first answer of 400 or more (status and the start of the body).</param>
/// <param name="Positions">Per wrk thread, the 1-based position in its share of the plan of the last request it sent (0: none).</param>
public sealed record WrkResult(
    long Requests, long DurationUs, long ConnectErrors, long ReadErrors, long WriteErrors, long StatusErrors, long Timeouts, long P50, long P95, long P99, long Max,
    IReadOnlyList<int> Positions, string FirstError)
{
    public double RequestsPerSecond => Requests / (DurationUs / 1e6);

    /// <summary>The server process's CPU time (user + system) over the round, when measured.</summary>
    public TimeSpan? ServerCpu { get; init; }

    /// <summary>The server's CPU time per completed request over the round, in milliseconds.</summary>
    public double? CpuMsPerRequest => ServerCpu is { } cpu && Requests > 0 ? cpu.TotalMilliseconds / Requests : null;

    /// <summary>Socket errors, timeouts and answers that were not 2xx or 3xx.</summary>
    public long Errors => ConnectErrors + ReadErrors + WriteErrors + StatusErrors + Timeouts;
}

/// <summary>Runs wrk (apt-get install wrk) with <c>bench/wrk/plan.lua</c> over a plan file the benchmark wrote.</summary>
public sealed class WrkRunner(string script, int threads, int connections, bool recordErrors)
{
    public int Threads => threads;

    /// <summary>wrk gives each thread an equal share of the connections.</summary>
    public int ConnectionsPerThread => connections / threads;

    public int Connections => connections;

    /// <summary>The same runner with another number of connections (and no more threads than connections).</summary>
    public WrkRunner WithConnections(int count) => new(script, Math.Min(threads, count), count, recordErrors);

    public static void EnsureInstalled()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("wrk", "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            probe.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("wrk is not installed: apt-get install -y wrk");
        }
    }

    public async Task<WrkResult> RunAsync(Uri baseAddress, string planFile, TimeSpan duration, IEnumerable<string> headers)
    {
        var seconds = Math.Max(1, (int)Math.Round(duration.TotalSeconds));
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])
            ["-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
             "-d", $"{seconds}s", "--timeout", "10s", "-s", script, baseAddress.ToString().TrimEnd('/'),
             "--", threads.ToString(CultureInfo.InvariantCulture), planFile])
        {
            start.ArgumentList.Add(argument);
        }

        // Every run gets its own unique-value prefix, so no round reuses another's Idempotency-Key.
        var run = Guid.NewGuid().ToString("N")[..12] + "-";
        foreach (var header in headers)
        {
            start.ArgumentList.Add(header.Replace("{unique}", "{unique}" + run, StringComparison.Ordinal));
        }

        if (recordErrors)
        {
            start.ArgumentList.Add("record-errors");
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout;
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("wrk-json ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {output}{await stderr}");
        using var json = JsonDocument.Parse(line["wrk-json ".Length..]);
        var r = json.RootElement;
        long Get(string name) => r.GetProperty(name).GetInt64();
        return new WrkResult(Get("requests"), Get("durationUs"), Get("connectErrors"), Get("readErrors"), Get("writeErrors"), Get("statusErrors"),
            Get("timeouts"), Get("p50"), Get("p95"), Get("p99"), Get("max"), [.. r.GetProperty("positions").EnumerateArray().Select(p => p.GetInt32())],
            r.GetProperty("firstError").GetString() ?? string.Empty);
    }
}
