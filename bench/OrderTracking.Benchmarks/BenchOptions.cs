using System.Globalization;

namespace OrderTracking.Benchmarks;

/// <summary>The command line: <c>--orders N --runs N --connection CS --data-dir DIR</c>, all optional.</summary>
public sealed record BenchOptions(int Orders, int Runs, string? ConnectionString, string? DataDirectory)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(1_000_000, 20, Environment.GetEnvironmentVariable("BENCH_POSTGRES"), null);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--orders" => options with { Orders = int.Parse(value, CultureInfo.InvariantCulture) },
                "--runs" => options with { Runs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--connection" => options with { ConnectionString = value },
                "--data-dir" => options with { DataDirectory = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --orders N, --runs N, --connection CS, --data-dir DIR."),
            };
            i++;
        }

        return options;
    }
}
