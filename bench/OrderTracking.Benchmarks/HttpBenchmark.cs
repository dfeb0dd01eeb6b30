using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrderTracking.Application.Orders.Queries;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.Infrastructure.Webhooks;
using Spectre.Console;

namespace OrderTracking.Benchmarks;

/// <summary>
/// The <c>http</c> verb: the product's request path under load beside a raw baseline, in one run. Starts PostgreSQL,
/// the real WebApi (Production settings, warnings-only logging, rate limits lifted, a fresh signing key) and the raw
/// baseline app (bench/OrderTracking.RawBaseline) on the same database; makes the data through the product's API;
/// drives each route with wrk (2 threads, 32 connections, best of N rounds, the two apps in turn); then the live
/// fan-out over the hub and the servers' memory. Writes a Markdown report and an SVG chart and checks the budgets (requests per second and CPU per request against the baseline, p99).
/// </summary>
public static class HttpBenchmark
{
    private const string Lifted = "1000000000";

    public static async Task<int> RunAsync(HttpBenchOptions options)
    {
        WrkRunner.EnsureInstalled();
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
        var machine = MachineInfo.Describe();
        AnsiConsole.MarkupLineInterpolated($"[bold]Order Tracking HTTP benchmark[/]{(options.Smoke ? " (smoke)" : string.Empty)}: {machine.Summary}");
        var work = Directory.CreateTempSubdirectory("ot-http-bench-").FullName;
        var output = options.OutputDirectory ?? (options.Smoke ? work : Path.Combine(BuiltAssemblies.RepositoryRoot(), "bench", "results"));
        Directory.CreateDirectory(output);

        await using var database = await BenchDatabase.OpenAsync(options.ConnectionString, options.DataDirectory);
        var orderCount = await PrepareDatabaseAsync(database.ConnectionString, options.BulkOrders);
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 30 }.ConnectionString;

        var signingKey = ApiServer.NewSigningKey();
        await using var product = await ApiServer.StartAsync(BuiltAssemblies.WebApi(), connectionString, new Dictionary<string, string>
        {
            ["Jwt__SigningKey"] = signingKey,
            ["Jwt__AccessTokenMinutes"] = "600",
            ["RateLimiting__SignIn__PermitLimit"] = Lifted,
            ["RateLimiting__Tracking__PermitLimit"] = Lifted,
            ["RateLimiting__Partner__PermitLimit"] = Lifted,
            ["RateLimiting__User__PermitLimit"] = Lifted,
            ["RateLimiting__Refresh__PermitLimit"] = Lifted,
            ["RateLimiting__RefusedCredentials__PermitLimit"] = Lifted,

            // The live fan-out is a crowd of hub connections from one address, some of them anonymous.
            ["RateLimiting__HubInvocations__PermitLimit"] = Lifted,
            ["RateLimiting__AnonymousHubConnectionsPerAddress"] = Lifted,
        });
        await using var raw = await ApiServer.StartAsync(BuiltAssemblies.RawBaseline(), connectionString, new Dictionary<string, string> { ["Jwt__SigningKey"] = signingKey });
        AnsiConsole.MarkupLineInterpolated($"WebApi on {product.BaseAddress} (process {product.ProcessId}); raw baseline on {raw.BaseAddress} (process {raw.ProcessId}).");

        using var admin = await ProductApi.SignInAsync(product.BaseAddress, BenchCast.AdminEmail);
        using var merchant = await ProductApi.SignInAsync(product.BaseAddress, BenchCast.MerchantEmail(0));
        var data = await BenchFill.MakeAsync(admin, merchant, options);
        AnsiConsole.MarkupLineInterpolated($"Made through the API: {data.ApiOrders} orders ({data.ReadOrders.Count} to read, 3 × {data.ProductPool.Count} moved to InTransit for the status routes) in {data.Took.TotalSeconds:N0} s.");

        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var (deepCursor, depth, visible) = await DeepCursorAsync(db, data.MerchantId, options.Depth);
        var analyticsQuery = await AnalyticsQueryAsync(db);

        var plans = new PlanWriter(work, db);
        var wrk = new WrkRunner(Path.Combine(BuiltAssemblies.RepositoryRoot(), "bench", "wrk", "plan.lua"), options.Threads, options.Connections, recordErrors: options.Smoke);
        var routes = Routes(options, data, plans, wrk, merchant.Token, admin.Token, deepCursor, analyticsQuery)
            .Where(r => options.Routes is null || options.Routes.Contains(r.Id))
            .ToList();

        var productMemory = new MemoryWatch(product);
        var rawMemory = new MemoryWatch(raw);
        var results = new List<RouteResult>();
        foreach (var route in routes)
        {
            results.Add(await MeasureRouteAsync(route, options, wrk, product, raw, productMemory, rawMemory));
        }

        await Task.Delay(options.Smoke ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(5));
        productMemory.After();
        rawMemory.After();

        var analyticsMedian = options.Routes is null || options.Routes.Contains("analytics")
            ? await SequentialMedianAsync(admin, analyticsQuery, options.Smoke ? 3 : 20)
            : (double?)null;

        LiveRun? live = null;
        if (options.Routes is null || options.Routes.Contains("live"))
        {
            live = await LiveAsync(product, admin, merchant, data, options);
        }

        var report = new BenchReport(machine, options, orderCount, visible, depth, results, productMemory, rawMemory, analyticsMedian, live);
        report.Print();
        var markdown = Path.Combine(output, "http-benchmark.md");
        await File.WriteAllTextAsync(markdown, report.Markdown());
        await File.WriteAllTextAsync(Path.Combine(output, "http-benchmark.svg"), report.Svg());
        AnsiConsole.MarkupLineInterpolated($"Wrote {markdown} and http-benchmark.svg.");
        if (options.Smoke && report.Failures().ToList() is { Count: > 0 } failures)
        {
            // The WebApi's last lines first and the failures last, where the tail of a CI log shows them.
            foreach (var line in product.RecentOutput.TakeLast(20))
            {
                Console.WriteLine("webapi> " + line);
            }

            foreach (var failure in failures)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Smoke failure:[/] {failure}");
            }

            return 1;
        }

        if (!options.Smoke)
        {
            Directory.Delete(work, recursive: true);
        }

        return 0;
    }

    private static async Task<long> PrepareDatabaseAsync(string connectionString, int bulkOrders)
    {
        var dbOptions = (DbContextOptions<AppDbContext>)AppDbContextOptions.Configure(new DbContextOptionsBuilder<AppDbContext>(), connectionString).Options;
        BenchCast cast;
        int existing;
        await using (var db = new AppDbContext(dbOptions))
        {
            await new DatabaseMigrator(db, new PlainSecretsMigration(new WebhookSecretProtector(new EphemeralDataProtectionProvider())), NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
            cast = await BenchCast.EnsureAsync(db);
            existing = await db.Orders.CountAsync();
        }

        if (existing == 0 && bulkOrders > 0)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await BenchData.GenerateAsync(cast, connection, bulkOrders);
            existing = bulkOrders;
        }
        else if (existing > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"Reusing the {existing:N0} orders already in the database.");
        }

        return existing;
    }

    /// <summary>The cursor that starts the merchant's page at <paramref name="depth"/> (or as deep as its orders go).</summary>
    private static async Task<(string Cursor, int Depth, long Visible)> DeepCursorAsync(NpgsqlConnection db, Guid merchantId, int depth)
    {
        await using var count = new NpgsqlCommand("SELECT count(*) FROM orders WHERE merchant_id = $1", db) { Parameters = { new() { Value = merchantId } } };
        var visible = (long)(await count.ExecuteScalarAsync())!;
        var reachable = (int)Math.Max(1, Math.Min(depth, visible - 25));
        await using var find = new NpgsqlCommand(
            "SELECT created_at, id FROM orders WHERE merchant_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1", db)
        {
            Parameters = { new() { Value = merchantId }, new() { Value = reachable - 1 } },
        };
        await using var reader = await find.ExecuteReaderAsync();
        await reader.ReadAsync();
        var cursor = new OrderCursor(reader.GetFieldValue<DateTimeOffset>(0), reader.GetGuid(1)).Encode();
        return (cursor, reachable, visible);
    }

    /// <summary>The admin's full year, as the analytics benchmark asks it: the 365 days from the first order's day.</summary>
    private static async Task<string> AnalyticsQueryAsync(NpgsqlConnection db)
    {
        await using var command = new NpgsqlCommand("SELECT min(created_at) FROM orders", db);
        var first = (DateTime)(await command.ExecuteScalarAsync())!;
        var from = new DateTimeOffset(first.Date, TimeSpan.Zero);
        var to = from.AddDays(365);
        static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return $"/api/analytics/summary?from={Iso(from)}&to={Iso(to)}&timeZone=Europe/Berlin";
    }

    private static IEnumerable<BenchRoute> Routes(
        HttpBenchOptions options, BenchFill data, PlanWriter plans, WrkRunner wrk, string merchantToken, string adminToken, string deepCursor, string analyticsQuery)
    {
        var asMerchant = new[] { "Authorization: Bearer " + merchantToken };
        var asAdmin = new[] { "Authorization: Bearer " + adminToken };
        var readIds = data.ReadOrders.Select(o => $"/api/orders/{o.Id}").ToList();
        var readCodes = data.ReadOrders.Select(o => $"/api/tracking/{o.TrackingCode}").ToList();
        var spread = options.Connections * 4;
        yield return new("get-order", "GET /api/orders/{id} (merchant)", Same(plans.Gets("get-order", readIds)), asMerchant, asMerchant, 0.70);
        yield return new("tracking", "GET /api/tracking/{code} (public)", Same(plans.Gets("tracking", readCodes)), [], [], 0.80);
        yield return new("list-first", "GET /api/orders, first page of 25 (merchant)", Same(plans.Gets("list-first", Enumerable.Repeat("/api/orders?limit=25", spread))), asMerchant, asMerchant, 0.60);
        yield return new("list-deep", $"GET /api/orders, page at depth {options.Depth:N0} (merchant)",
            Same(plans.Gets("list-deep", Enumerable.Repeat($"/api/orders?limit=25&cursor={deepCursor}", spread))), asMerchant, asMerchant, null);
        yield return new("create", "POST /api/orders, 2 items (merchant)",
            Same(plans.Posts("create", Enumerable.Repeat(("/api/orders", ProductApi.NewOrderJson.ReplaceLineEndings(string.Empty)), spread))), asMerchant, asMerchant, 0.60);
        var productPool = new StatusPool("status", data.ProductPool, byTrackingCode: false, wrk);
        var rawPool = new StatusPool("status-raw", data.RawPool, byTrackingCode: false, wrk);
        var partnerPool = new StatusPool("partner", data.PartnerPool, byTrackingCode: true, wrk);
        yield return new("status", "POST /api/orders/{id}/status (admin)",
            async isRaw => await (isRaw ? rawPool : productPool).PlanAsync(plans), asAdmin, asAdmin, 0.60)
        {
            Ran = (isRaw, result) => (isRaw ? rawPool : productPool).Ran(result),
        };
        yield return new("partner-status", "POST /api/partner/orders/{code}/status + Idempotency-Key",
            async isRaw => isRaw ? null : await partnerPool.PlanAsync(plans),
            ["X-Api-Key: " + data.PartnerApiKey, "Idempotency-Key: {unique}"], [], null)
        {
            Ran = (_, result) => partnerPool.Ran(result),
        };
        // A summary reads the whole year (about 400 ms at 1 000 000 orders): 32 at once on two cores would each wait
        // longer than a round lasts, and wrk would count nothing. Two connections, one a thread, show its throughput.
        yield return new("analytics", "GET /api/analytics/summary, full year (admin)",
            isRaw => isRaw ? Task.FromResult<string?>(null) : Task.FromResult<string?>(plans.Gets("analytics", Enumerable.Repeat(analyticsQuery, spread))), asAdmin, [], null)
        {
            Connections = options.Threads,
        };

        static Func<bool, Task<string?>> Same(string plan) => _ => Task.FromResult<string?>(plan);
    }

    private static async Task<RouteResult> MeasureRouteAsync(
        BenchRoute route, HttpBenchOptions options, WrkRunner wrk, ApiServer product, ApiServer raw, MemoryWatch productMemory, MemoryWatch rawMemory)
    {
        wrk = route.Connections is { } connections ? wrk.WithConnections(connections) : wrk;
        var productRounds = new List<WrkResult>();
        var rawRounds = new List<WrkResult>();
        var warmUps = new List<WrkResult>();
        var hasRaw = await route.Plan(true) is not null;
        var probes = new List<string>();
        probes.AddRange(await ProbeAsync(product, (await route.Plan(false))!, route.ProductHeaders));
        if (hasRaw)
        {
            probes.AddRange((await ProbeAsync(raw, (await route.Plan(true))!, route.RawHeaders)).Select(p => "raw baseline: " + p));
        }

        var rounds = options.Rounds + (options.WarmUp > TimeSpan.Zero ? 1 : 0);
        for (var round = 0; round < rounds; round++)
        {
            var warmUp = options.WarmUp > TimeSpan.Zero && round == 0;
            var duration = warmUp ? options.WarmUp : options.Duration;
            var productResult = await RunAsync(wrk, product, productMemory, (await route.Plan(false))!, duration, route.ProductHeaders, route.IsWrite);
            route.Ran(false, productResult);
            (warmUp ? warmUps : productRounds).Add(productResult);
            if (hasRaw)
            {
                var rawResult = await RunAsync(wrk, raw, rawMemory, (await route.Plan(true))!, duration, route.RawHeaders, route.IsWrite);
                route.Ran(true, rawResult);
                (warmUp ? warmUps : rawRounds).Add(rawResult);
            }
        }

        var result = new RouteResult(route, productRounds, rawRounds, warmUps, probes);
        AnsiConsole.WriteLine(
            $"{route.Id,-15} project {result.Product.RequestsPerSecond,8:N0} req/s p99 {result.Product.P99 / 1000.0,7:N1} ms cpu {result.ProductCpuMs,6:N3} ms/req errors {result.ProductErrors,5}" +
            (result.Raw is { } r ? $" | raw {r.RequestsPerSecond,8:N0} req/s p99 {r.P99 / 1000.0,7:N1} ms cpu {result.RawCpuMs,6:N3} ms/req errors {result.RawErrors,5} | ratio {result.Ratio:N2}, cpu {result.CpuRatio:N2}" : string.Empty));
        return result;
    }

    /// <summary>The plan's first request, once, before any load: a route that answers no 2xx fails here with its answer.</summary>
    private static async Task<IReadOnlyList<string>> ProbeAsync(ApiServer server, string planFile, IReadOnlyList<string> headers)
    {
        var fields = File.ReadLines(planFile).First().Split('\t');
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(1) };
        using var request = new HttpRequestMessage(new HttpMethod(fields[1]), fields[2]);
        if (fields.Length > 3 && fields[3].Length > 0)
        {
            request.Content = new StringContent(fields[3], Encoding.UTF8, "application/json");
        }

        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            var value = header[(colon + 1)..].Trim();
            request.Headers.TryAddWithoutValidation(header[..colon], value.StartsWith("{unique}", StringComparison.Ordinal) ? value[8..] + "probe-" + Guid.NewGuid() : value);
        }

        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode
            ? []
            : [$"{fields[1]} {fields[2]} answered {(int)response.StatusCode}: {(await response.Content.ReadAsStringAsync()).Take(300).Aggregate(new StringBuilder(), (b, c) => b.Append(c))}"];
    }

    private static async Task<WrkResult> RunAsync(WrkRunner wrk, ApiServer server, MemoryWatch memory, string plan, TimeSpan duration, IEnumerable<string> headers, bool isWrite)
    {
        using var sampling = memory.Sample();
        var cpuBefore = server.CpuTime();
        var result = await wrk.RunAsync(server.BaseAddress, plan, duration, headers);
        result = result with { ServerCpu = server.CpuTime() - cpuBefore };
        if (isWrite)
        {
            // Requests cut off by wrk's end finish or roll back meanwhile (StatusPool leaves their orders out of the next round).
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        return result;
    }

    private static async Task<double> SequentialMedianAsync(ProductApi admin, string query, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i < runs + 2; i++)
        {
            var clock = Stopwatch.StartNew();
            await admin.GetAsync(query);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var measured = times.Skip(2).Order().ToList();
        return measured[measured.Count / 2];
    }

    private static async Task<LiveRun> LiveAsync(ApiServer product, ProductApi admin, ProductApi merchant, BenchFill data, HttpBenchOptions options)
    {
        var timeline = (await merchant.GetAsync($"/api/tracking/{data.LiveOrder.TrackingCode}")).GetProperty("timeline").GetArrayLength();
        HubAudience Audience(int i) => (i % 4) switch
        {
            0 or 1 => new HubAudience(merchant.Token, null),
            2 => new HubAudience(admin.Token, null),
            _ => new HubAudience(null, data.LiveOrder.TrackingCode),
        };

        await using var crowd = new HubCrowd();
        var before = product.WorkingSet();
        var clock = Stopwatch.StartNew();
        var (failed, firstError) = await crowd.ConnectAsync(product.BaseAddress, Enumerable.Range(0, options.HubConnections).Select(Audience).ToList());
        AnsiConsole.MarkupLineInterpolated($"Connected {crowd.Count} hub connections in {clock.Elapsed.TotalSeconds:N1} s.");
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} of {options.HubConnections} hub connections failed to connect; the first: {firstError}");
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var atFirst = product.WorkingSet();
        var result = await crowd.MeasureAsync(admin, data.LiveOrder.Id, timeline, options.LiveChanges, options.LiveInterval);
        AnsiConsole.MarkupLineInterpolated($"Live: {result.Received:N0}/{result.Expected:N0} announcements, p50 {result.P50Ms:N1} ms, p99 {result.P99Ms:N1} ms.");

        long? atMany = null;
        var moreConnected = 0;
        if (options.HubConnectionsForMemory > options.HubConnections)
        {
            var (failedMore, firstMoreError) = await crowd.ConnectAsync(product.BaseAddress, Enumerable.Range(options.HubConnections, options.HubConnectionsForMemory - options.HubConnections).Select(Audience).ToList());
            await Task.Delay(TimeSpan.FromSeconds(2));
            atMany = product.WorkingSet();
            moreConnected = crowd.Count;
            AnsiConsole.MarkupLineInterpolated($"Connected {crowd.Count} hub connections{(failedMore > 0 ? $" ({failedMore} failed; the first: {firstMoreError})" : "")}.");
        }

        return new LiveRun(result, before, atFirst, options.HubConnections, atMany, moreConnected);
    }
}

/// <summary>A route of the benchmark: its plan for the product or for the raw baseline (null when the baseline has no such route).</summary>
public sealed record BenchRoute(string Id, string Name, Func<bool, Task<string?>> Plan, IReadOnlyList<string> ProductHeaders, IReadOnlyList<string> RawHeaders, double? MinimumRatio)
{
    /// <summary>Told each round's result (for the raw baseline or not), so a status pool knows which orders may still be moving.</summary>
    public Action<bool, WrkResult> Ran { get; init; } = (_, _) => { };

    public bool IsWrite => Id is "create" or "status" or "partner-status";

    /// <summary>wrk's connections for this route, when not the run's <see cref="HttpBenchOptions.Connections"/>.</summary>
    public int? Connections { get; init; }
}

/// <summary>A route's rounds; the best round (most requests per second) of each app is the one compared.</summary>
/// <param name="ProbeFailures">What the route answered to its single request before the load, when that was not 2xx.</param>
public sealed record RouteResult(BenchRoute Route, IReadOnlyList<WrkResult> ProductRounds, IReadOnlyList<WrkResult> RawRounds, IReadOnlyList<WrkResult> WarmUps, IReadOnlyList<string> ProbeFailures)
{
    /// <summary>The first error answer wrk recorded in any round (smoke runs only).</summary>
    public string FirstError => ProductRounds.Concat(RawRounds).Concat(WarmUps).Select(r => r.FirstError).FirstOrDefault(e => e.Length > 0) ?? string.Empty;

    public WrkResult Product => ProductRounds.MaxBy(r => r.RequestsPerSecond)!;

    public WrkResult? Raw => RawRounds.Count == 0 ? null : RawRounds.MaxBy(r => r.RequestsPerSecond);

    public long ProductErrors => ProductRounds.Sum(r => r.Errors);

    public long RawErrors => RawRounds.Sum(r => r.Errors);

    public long WarmUpErrors => WarmUps.Sum(r => r.Errors);

    public double? Ratio => Raw is { Requests: > 0 } raw ? Product.RequestsPerSecond / raw.RequestsPerSecond : null;

    /// <summary>The product's CPU time per request: the median over the measured rounds (each round's server CPU over its requests).</summary>
    public double? ProductCpuMs => MedianCpu(ProductRounds);

    public double? RawCpuMs => MedianCpu(RawRounds);

    /// <summary>The product's CPU per request over the raw baseline's: what the stack costs, on a measure that load hardly moves.</summary>
    public double? CpuRatio => ProductCpuMs is { } product && RawCpuMs is { } raw and > 0 ? product / raw : null;

    private static double? MedianCpu(IReadOnlyList<WrkResult> rounds)
    {
        var values = rounds.Select(r => r.CpuMsPerRequest).OfType<double>().Order().ToList();
        return values.Count == 0 ? null : values[values.Count / 2];
    }
}

/// <summary>The live fan-out's latencies and the server's working set before the hub connections, with the first crowd and with the larger one.</summary>
public sealed record LiveRun(LiveResult Result, long Before, long WithConnections, int Connections, long? WithMoreConnections, int MoreConnections);

/// <summary>Writes wrk plan files (see bench/wrk/plan.lua): one request a line, with a slot that decides the wrk thread.</summary>
public sealed class PlanWriter(string directory, NpgsqlConnection db)
{
    public string Gets(string name, IEnumerable<string> paths) =>
        Write(name, paths.Select((path, i) => $"{i}\tGET\t{path}\t"));

    public string Posts(string name, IEnumerable<(string Path, string Body)> requests) =>
        Write(name, requests.Select((r, i) => $"{i}\tPOST\t{r.Path}\t{r.Body}"));

    public async Task<Dictionary<Guid, string>> StatusesAsync(IEnumerable<Guid> ids)
    {
        var statuses = new Dictionary<Guid, string>();
        await using var command = new NpgsqlCommand("SELECT id, status FROM orders WHERE id = ANY($1)", db) { Parameters = { new() { Value = ids.ToArray() } } };
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statuses[reader.GetGuid(0)] = reader.GetString(1);
        }

        return statuses;
    }

    public string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(directory, name + ".plan");
        File.WriteAllLines(path, lines, new UTF8Encoding(false));
        return path;
    }
}

/// <summary>A server's working set: idle (when watching starts), the peak while wrk runs against it, and after the load.</summary>
public sealed class MemoryWatch(ApiServer server)
{
    private long _peak;
    private long _sum;
    private long _samples;

    public long Idle { get; } = server.WorkingSet();

    public long Peak => Math.Max(_peak, Idle);

    public long Mean => _samples == 0 ? Idle : _sum / _samples;

    public long AfterLoad { get; private set; }

    public void After() => AfterLoad = server.WorkingSet();

    /// <summary>Samples every 100 ms until disposed.</summary>
    public IDisposable Sample()
    {
        var stop = new CancellationTokenSource();
        var token = stop.Token;
        _ = Task.Run(async () =>
        {
            while (!token.IsCancellationRequested)
            {
                var now = server.WorkingSet();
                Interlocked.Add(ref _sum, now);
                Interlocked.Increment(ref _samples);
                _peak = Math.Max(_peak, now);
                try
                {
                    await Task.Delay(100, token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        return new Stopper(stop);
    }

    private sealed class Stopper(CancellationTokenSource stop) : IDisposable
    {
        public void Dispose()
        {
            stop.Cancel();
            stop.Dispose();
        }
    }
}
