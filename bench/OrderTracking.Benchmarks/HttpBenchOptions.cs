using System.Globalization;

namespace OrderTracking.Benchmarks;

/// <summary>
/// The command line of the <c>http</c> verb. <c>--smoke</c> shrinks everything (tiny data, about a second a route,
/// a few connections, 100 hub connections) so the test command can run it; the other options override either set.
/// </summary>
public sealed record HttpBenchOptions
{
    public bool Smoke { get; init; }

    /// <summary>Orders bulk-loaded (Domain + COPY) before the run, so the deep page and the analytics have data to read.</summary>
    public int BulkOrders { get; init; } = 1_000_000;

    /// <summary>Orders made through the product's API for the read routes (get order, tracking).</summary>
    public int ReadOrders { get; init; } = 400;

    /// <summary>
    /// Orders made through the API and moved to InTransit for each status-change pool (product, raw, partner). Each wrk
    /// thread moves its share in turn, so the share must exceed the thread's connections (or two requests could move one
    /// order at once and one would get 409).
    /// </summary>
    public int PoolOrders { get; init; } = 150;

    public int Depth { get; init; } = 10_000;
    public int Rounds { get; init; } = 3;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(8);
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(2);
    public int Threads { get; init; } = 2;
    public int Connections { get; init; } = 32;
    public int HubConnections { get; init; } = 1_000;

    /// <summary>Hub connections for the memory-per-connection figure beside <see cref="HubConnections"/>; 0 skips it.</summary>
    public int HubConnectionsForMemory { get; init; } = 5_000;

    public int LiveChanges { get; init; } = 100;
    public TimeSpan LiveInterval { get; init; } = TimeSpan.FromMilliseconds(100);
    public IReadOnlySet<string>? Routes { get; init; }
    public string? ConnectionString { get; init; } = Environment.GetEnvironmentVariable("BENCH_POSTGRES");
    public string? DataDirectory { get; init; }

    /// <summary>Where the Markdown table and the SVG chart go; the smoke run writes to a temporary folder.</summary>
    public string? OutputDirectory { get; init; }

    private static HttpBenchOptions SmokeDefaults => new()
    {
        Smoke = true,
        BulkOrders = 300,
        ReadOrders = 8,
        PoolOrders = 4,
        Depth = 40,
        Rounds = 1,
        Duration = TimeSpan.FromSeconds(2),
        WarmUp = TimeSpan.FromSeconds(1),
        Connections = 2,
        HubConnections = 100,
        HubConnectionsForMemory = 0,
        LiveChanges = 10,
    };

    public static HttpBenchOptions Parse(string[] args)
    {
        var options = args.Contains("--smoke") ? SmokeDefaults : new HttpBenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--smoke")
            {
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--orders" => options with { BulkOrders = Int(value) },
                "--read-orders" => options with { ReadOrders = Int(value) },
                "--pool-orders" => options with { PoolOrders = Int(value) },
                "--depth" => options with { Depth = Int(value) },
                "--rounds" => options with { Rounds = Int(value) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Int(value)) },
                "--warm-up" => options with { WarmUp = TimeSpan.FromSeconds(Int(value)) },
                "--threads" => options with { Threads = Int(value) },
                "--connections" => options with { Connections = Int(value) },
                "--hub-connections" => options with { HubConnections = Int(value) },
                "--hub-memory-connections" => options with { HubConnectionsForMemory = Int(value) },
                "--live-changes" => options with { LiveChanges = Int(value) },
                "--routes" => options with { Routes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet() },
                "--connection" => options with { ConnectionString = value },
                "--data-dir" => options with { DataDirectory = value },
                "--out" => options with { OutputDirectory = value },
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]}. Options: --smoke, --orders N, --read-orders N, --pool-orders N, --depth N, --rounds N, --duration S, " +
                    "--warm-up S, --threads N, --connections N, --hub-connections N, --hub-memory-connections N, --live-changes N, " +
                    "--routes a,b (route ids, or 'live'), --connection CS, --data-dir DIR, --out DIR."),
            };
            i++;
        }

        return options;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
