using System.Globalization;

namespace OrderTracking.Benchmarks;

/// <summary>The command line: <c>--orders N --runs N --connection CS --data-dir DIR --skip-export</c>, all optional.</summary>
public sealed record BenchOptions(int Orders, int Runs, string? ConnectionString, string? DataDirectory, bool SkipExport = false)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(1_000_000, 20, Environment.GetEnvironmentVariable("BENCH_POSTGRES"), null);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--skip-export")
            {
                options = options with { SkipExport = true };
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--orders" => options with { Orders = int.Parse(value, CultureInfo.InvariantCulture) },
                "--runs" => options with { Runs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--connection" => options with { ConnectionString = value },
                "--data-dir" => options with { DataDirectory = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --orders N, --runs N, --connection CS, --data-dir DIR, --skip-export."),
            };
            i++;
        }

        return options;
    }
}
