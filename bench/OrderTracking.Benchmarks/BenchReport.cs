using System.Globalization;
using System.Net;
using System.Text;
using Spectre.Console;

namespace OrderTracking.Benchmarks;

/// <summary>The HTTP benchmark's results: the console table, the Markdown report, the SVG chart and the budgets.</summary>
public sealed class BenchReport(
    MachineInfo machine,
    HttpBenchOptions options,
    long orders,
    long merchantOrders,
    int depth,
    IReadOnlyList<RouteResult> routes,
    MemoryWatch productMemory,
    MemoryWatch rawMemory,
    double? analyticsMedianMs,
    LiveRun? live)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly DateTime _at = DateTime.UtcNow;

    /// <summary>The most CPU per request the product may spend on a read, as a multiple of the raw baseline's.</summary>
    public const double MaxCpuRatio = 1.5;

    /// <summary>Reads' and writes' p99 latency budgets at the run's connections.</summary>
    public const long ReadP99BudgetUs = 50_000, WriteP99BudgetUs = 100_000;

    /// <summary>The admin's full-year analytics summary, median (issue 23: the roll-ups keep it there at 1 and 3 million orders).</summary>
    public const int AnalyticsMedianBudgetMs = 100;

    /// <summary>One line per budget: what was measured and whether it holds.</summary>
    public IEnumerable<(string Budget, string Measured, bool Holds)> Budgets()
    {
        foreach (var r in routes.Where(r => r.Route.MinimumRatio is not null && r.Ratio is not null))
        {
            yield return ($"{r.Route.Id} / raw ≥ {r.Route.MinimumRatio:0.00}×", $"{r.Ratio:0.00}×", r.Ratio >= r.Route.MinimumRatio);
        }

        foreach (var r in routes.Where(r => r.Route.Id is "get-order" or "tracking" && r.CpuRatio is not null))
        {
            yield return ($"{r.Route.Id}: CPU per request / raw ≤ {MaxCpuRatio:0.0}×",
                $"{r.ProductCpuMs:0.000} vs {r.RawCpuMs:0.000} ms ({r.CpuRatio:0.00}×)", r.CpuRatio <= MaxCpuRatio);
        }

        if (Find("list-first") is { } first && Find("list-deep") is { } deep)
        {
            var limit = first.Product.P95 * 1.5;
            yield return ($"list page at depth {depth:N0}, p95 ≤ 1.5× the first page{ScaleNote(1_000_000)}",
                $"{Ms(deep.Product.P95)} vs {Ms(first.Product.P95)} ({deep.Product.P95 / (double)first.Product.P95:0.00}×)", deep.Product.P95 <= limit);
        }

        if (analyticsMedianMs is { } median)
        {
            yield return ($"analytics summary, admin full year, median < {AnalyticsMedianBudgetMs} ms{ScaleNote(1_000_000)}", $"{median:N0} ms", median < AnalyticsMedianBudgetMs);
        }

        if (live is not null)
        {
            yield return ($"live update, {live.Connections:N0} connections, p99 < 50 ms", $"{live.Result.P99Ms:N1} ms", live.Result.P99Ms < 50);
        }

        foreach (var r in routes)
        {
            var budget = r.Route.IsWrite ? WriteP99BudgetUs : ReadP99BudgetUs;
            yield return ($"{r.Route.Id}: p99 < {budget / 1000} ms at {r.Route.Connections ?? options.Connections} connections", Ms(r.Product.P99), r.Product.P99 < budget);
        }
    }

    /// <summary>What makes a smoke run fail: any error on any route of either app, or an announcement that never arrived.</summary>
    public IEnumerable<string> Failures()
    {
        foreach (var r in routes)
        {
            if (r.ProductErrors > 0)
            {
                yield return $"{r.Route.Id}: {r.ProductErrors} errors in {r.ProductRounds.Sum(x => x.Requests)} requests to the WebApi";
            }

            if (r.RawErrors > 0)
            {
                yield return $"{r.Route.Id}: {r.RawErrors} errors in {r.RawRounds.Sum(x => x.Requests)} requests to the raw baseline";
            }

            if (r.ProductRounds.Any(x => x.Requests == 0))
            {
                yield return $"{r.Route.Id}: a round in which no request to the WebApi completed";
            }

            if (r.WarmUpErrors > 0)
            {
                yield return $"{r.Route.Id}: {r.WarmUpErrors} errors while warming up";
            }

            foreach (var probe in r.ProbeFailures)
            {
                yield return $"{r.Route.Id}: {probe}";
            }

            if (r.FirstError.Length > 0)
            {
                yield return $"{r.Route.Id}: first error answer: {r.FirstError}";
            }
        }

        if (live is not null && live.Result.Received < live.Result.Expected)
        {
            yield return $"live: {live.Result.Received} of {live.Result.Expected} announcements arrived";
        }
    }

    public void Print()
    {
        var table = new Table().AddColumns("Route", "Project req/s", "p50", "p99", "CPU/req", "Errors", "Raw req/s", "p50", "p99", "CPU/req", "Errors", "Ratio", "CPU ratio");
        foreach (var r in routes)
        {
            table.AddRow(
                Markup.Escape(r.Route.Name), Rps(r.Product), Ms(r.Product.P50), Ms(r.Product.P99), Cpu(r.ProductCpuMs), r.ProductErrors.ToString(Invariant),
                r.Raw is { } raw ? Rps(raw) : "–", r.Raw is { } a ? Ms(a.P50) : "–", r.Raw is { } b ? Ms(b.P99) : "–", Cpu(r.RawCpuMs),
                r.Raw is null ? "–" : r.RawErrors.ToString(Invariant), r.Ratio is { } ratio ? $"{ratio:0.00}×" : "–", r.CpuRatio is { } cpu ? $"{cpu:0.00}×" : "–");
        }

        AnsiConsole.Write(table);
        foreach (var (budget, measured, holds) in Budgets())
        {
            AnsiConsole.MarkupLine((holds ? "[green]holds[/]  " : "[red]misses[/] ") + Markup.Escape($"{budget}: {measured}"));
        }
    }

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine(Invariant, $"# HTTP benchmark: the product beside a raw baseline{(options.Smoke ? " (smoke run)" : string.Empty)}");
        md.AppendLine();
        md.AppendLine(Invariant, $"Measured {_at:yyyy-MM-dd HH:mm} UTC on {machine.Summary}; load average at the end {MachineInfo.LoadAverage()}.");
        md.AppendLine(Invariant, $"Data: {orders:N0} orders in the database; the merchant sees {merchantOrders:N0}. wrk with {options.Threads} threads and {options.Connections} connections, " +
            $"best of {options.Rounds} rounds of {options.Duration.TotalSeconds:N0} s{(options.WarmUp > TimeSpan.Zero ? $" after a {options.WarmUp.TotalSeconds:N0} s warm-up" : string.Empty)}, the two apps in turn.");
        md.AppendLine();
        md.AppendLine("| Route | Project req/s | p50 | p99 | CPU/req | Errors | Raw req/s | p50 | p99 | CPU/req | Errors | Ratio | Budget | CPU ratio |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in routes)
        {
            md.AppendLine(Invariant, $"| `{r.Route.Name}` | {Rps(r.Product)} | {Ms(r.Product.P50)} | {Ms(r.Product.P99)} | {Cpu(r.ProductCpuMs)} | {r.ProductErrors} | " +
                $"{(r.Raw is { } raw ? Rps(raw) : "–")} | {(r.Raw is { } a ? Ms(a.P50) : "–")} | {(r.Raw is { } b ? Ms(b.P99) : "–")} | {Cpu(r.RawCpuMs)} | {(r.Raw is null ? "–" : r.RawErrors)} | " +
                $"{(r.Ratio is { } ratio ? $"**{ratio:0.00}×**" : "–")} | {(r.Route.MinimumRatio is { } min ? $"≥ {min:0.00}×" : "–")} | {(r.CpuRatio is { } cpu ? $"{cpu:0.00}×" : "–")} |");
        }

        md.AppendLine();
        md.AppendLine("CPU/req: the server process's CPU time (utime + stime from `/proc/<pid>/stat`) over a measured round divided by the " +
            "requests it completed, the median of the rounds; it includes the server's background work during the round (for writes, the outbox dispatcher).");

        md.AppendLine();
        md.AppendLine("![Requests per second, project and raw baseline](http-benchmark.svg)");
        md.AppendLine();
        md.AppendLine("## Budgets");
        md.AppendLine();
        foreach (var (budget, measured, holds) in Budgets())
        {
            md.AppendLine(Invariant, $"- {(holds ? "holds" : "**misses**")}: {budget}: {measured}");
        }

        if (live is not null)
        {
            md.AppendLine();
            md.AppendLine("## Live fan-out");
            md.AppendLine();
            md.AppendLine(Invariant, $"{live.Connections:N0} hub connections (half signed in as the merchant, a quarter as the admin, a quarter following the order's tracking code), " +
                $"a status change every {options.LiveInterval.TotalMilliseconds:N0} ms; time from the HTTP response to the announcement's arrival on every connection.");
            md.AppendLine();
            md.AppendLine("| Connections | Changes | Expected | Arrived | p50 | p99 | Max | Arrived before the response | From the request: p50 | p99 |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            var l = live.Result;
            md.AppendLine(Invariant, $"| {l.Connections:N0} | {l.Changes} | {l.Expected:N0} | {l.Received:N0} | {l.P50Ms:N1} ms | {l.P99Ms:N1} ms | {l.MaxMs:N1} ms | {l.ArrivedBeforeResponse:N0} | {l.FromRequestP50Ms:N1} ms | {l.FromRequestP99Ms:N1} ms |");
            md.AppendLine();
            md.AppendLine("The product announces a change after its commit and before it writes the response, so many announcements arrive before the " +
                "response does (counted as 0 ms from the response); the time from sending the request shows the whole path.");
        }

        md.AppendLine();
        md.AppendLine("## Memory (server working set)");
        md.AppendLine();
        md.AppendLine("| Server | Idle (after the data) | Mean under load | Peak under load | After load |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        md.AppendLine(Invariant, $"| WebApi | {Mb(productMemory.Idle)} | {Mb(productMemory.Mean)} | {Mb(productMemory.Peak)} | {Mb(productMemory.AfterLoad)} |");
        md.AppendLine(Invariant, $"| Raw baseline | {Mb(rawMemory.Idle)} | {Mb(rawMemory.Mean)} | {Mb(rawMemory.Peak)} | {Mb(rawMemory.AfterLoad)} |");
        if (live is not null)
        {
            md.AppendLine();
            md.AppendLine("| Hub connections | WebApi working set | Per connection |");
            md.AppendLine("|---:|---:|---:|");
            md.AppendLine(Invariant, $"| 0 | {Mb(live.Before)} | |");
            md.AppendLine(Invariant, $"| {live.Connections:N0} | {Mb(live.WithConnections)} | {Kb((live.WithConnections - live.Before) / live.Connections)} |");
            if (live.WithMoreConnections is { } more)
            {
                md.AppendLine(Invariant, $"| {live.MoreConnections:N0} | {Mb(more)} | {Kb((more - live.Before) / live.MoreConnections)} |");
            }
        }

        return md.ToString();
    }

    /// <summary>Two bars a route (project, raw), requests per second on one scale, the ratio at the right.</summary>
    public string Svg()
    {
        const int left = 330, barWidth = 480, row = 46, top = 40;
        var height = top + (routes.Count * row) + 40;
        var max = Math.Max(1, routes.Max(r => Math.Max(r.Product.RequestsPerSecond, r.Raw?.RequestsPerSecond ?? 0)));
        var svg = new StringBuilder();
        svg.AppendLine(Invariant, $"""<svg xmlns="http://www.w3.org/2000/svg" width="960" height="{height}" viewBox="0 0 960 {height}" font-family="sans-serif" font-size="12">""");
        svg.AppendLine("""<rect width="100%" height="100%" fill="white"/>""");
        svg.AppendLine(Invariant, $"""<text x="10" y="22" font-size="15" font-weight="bold">Requests per second, best of {options.Rounds} ({options.Connections} connections): project (blue) and raw baseline (grey)</text>""");
        for (var i = 0; i < routes.Count; i++)
        {
            var r = routes[i];
            var y = top + (i * row);
            svg.AppendLine(Invariant, $"""<text x="{left - 8}" y="{y + 22}" text-anchor="end">{WebUtility.HtmlEncode(r.Route.Name)}</text>""");
            Bar(svg, left, y + 4, r.Product.RequestsPerSecond / max * barWidth, "#2b6cb0", Rps(r.Product));
            if (r.Raw is { } raw)
            {
                Bar(svg, left, y + 22, raw.RequestsPerSecond / max * barWidth, "#a0aec0", Rps(raw));
            }

            if (r.Ratio is { } ratio)
            {
                var fill = r.Route.MinimumRatio is { } min && ratio < min ? "#c53030" : "#2f855a";
                svg.AppendLine(Invariant, $"""<text x="940" y="{y + 24}" text-anchor="end" font-weight="bold" fill="{fill}">{ratio:0.00}×</text>""");
            }
        }

        svg.AppendLine(Invariant, $"""<text x="10" y="{height - 12}" fill="#4a5568">{WebUtility.HtmlEncode(machine.Summary)}; {_at:yyyy-MM-dd HH:mm} UTC</text>""");
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static void Bar(StringBuilder svg, int x, int y, double width, string fill, string label)
    {
        svg.AppendLine(Invariant, $"""<rect x="{x}" y="{y}" width="{Math.Max(1, width):0.0}" height="16" fill="{fill}"/>""");
        svg.AppendLine(Invariant, $"""<text x="{x + Math.Max(1, width) + 6:0.0}" y="{y + 12}">{label}</text>""");
    }

    private RouteResult? Find(string id) => routes.FirstOrDefault(r => r.Route.Id == id);

    private string ScaleNote(long asked) => orders < asked ? $" (asked at {asked:N0} orders; measured with {orders:N0})" : string.Empty;

    private static string Rps(WrkResult r) => r.RequestsPerSecond.ToString("N0", Invariant);

    private static string Cpu(double? ms) => ms is { } value ? value.ToString("0.000", Invariant) + " ms" : "–";

    private static string Ms(long microseconds) => (microseconds / 1000.0).ToString(microseconds < 10_000 ? "N2" : "N1", Invariant) + " ms";

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", Invariant) + " MB";

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("N1", Invariant) + " KB";
}
