using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrderTracking.Benchmarks;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.Infrastructure.Webhooks;
using Spectre.Console;

// The analytics and export benchmark: fills PostgreSQL with a year of orders (1 000 000 by default) through the
// Domain and binary COPY, starts the real WebApi with Production settings, and measures over loopback HTTP.
// Usage: dotnet run -c Release --project bench/OrderTracking.Benchmarks -- [--orders N] [--runs N]
//        [--connection "Host=...;Database=..."] [--data-dir DIR] [--skip-export]
// The verb `http` runs the HTTP load benchmark against a raw baseline instead (HttpBenchmark.cs, bench/README.md);
// the verb `arrivals` evaluates the arrival estimate on the generated year, without a database (ArrivalBenchmark.cs).
if (args is ["http", .. var httpArgs])
{
    return await HttpBenchmark.RunAsync(HttpBenchOptions.Parse(httpArgs));
}

if (args is ["arrivals", .. var arrivalArgs])
{
    return ArrivalBenchmark.Run(arrivalArgs);
}

var options = BenchOptions.Parse(args);
AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 150);
var invariant = CultureInfo.InvariantCulture;
AnsiConsole.MarkupLineInterpolated($"[bold]Order Tracking benchmark[/]: {options.Orders:N0} orders, {options.Runs} runs per summary, {Environment.ProcessorCount} cores");

await using var database = await BenchDatabase.OpenAsync(options.ConnectionString, options.DataDirectory);
var dbOptions = (DbContextOptions<AppDbContext>)AppDbContextOptions.Configure(new DbContextOptionsBuilder<AppDbContext>(), database.ConnectionString).Options;
BenchCast cast;
int existing;
await using (var db = new AppDbContext(dbOptions))
{
    await new DatabaseMigrator(db, new PlainSecretsMigration(new WebhookSecretProtector(new EphemeralDataProtectionProvider())), NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
    cast = await BenchCast.EnsureAsync(db);
    existing = await db.Orders.CountAsync();
}

await using var connection = new NpgsqlConnection(database.ConnectionString);
await connection.OpenAsync();

if (existing == 0)
{
    await BenchData.GenerateAsync(cast, connection, options.Orders);
}
else
{
    AnsiConsole.MarkupLineInterpolated($"Reusing the {existing:N0} orders already in the database.");
}

var (firstCreated, orderCount) = await ScalarsAsync(connection);
var from = new DateTimeOffset(firstCreated.UtcDateTime.Date, TimeSpan.Zero);
var to = from.AddDays(365);
var topMerchantOrders = await CountAsync(connection, $"SELECT count(*) FROM orders o JOIN users u ON u.id = o.merchant_id WHERE u.email = '{BenchCast.MerchantEmail(0)}'");
AnsiConsole.MarkupLineInterpolated($"Data: {orderCount:N0} orders from {from:yyyy-MM-dd}; the largest merchant has {topMerchantOrders:N0}.");

var webApi = BuiltAssemblies.WebApi();
await using var server = await ApiServer.StartAsync(webApi, new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 30 }.ConnectionString);
AnsiConsole.MarkupLineInterpolated($"WebApi (Production) listening on {server.BaseAddress}, process {server.ProcessId}; load average before measuring: {LoadAverage()}");

using var admin = await SignedInAsync(server.BaseAddress, BenchCast.AdminEmail);
using var merchant = await SignedInAsync(server.BaseAddress, BenchCast.MerchantEmail(0));

const string Zone = "Europe/Berlin";
var largestMerchantId = await IdAsync(connection, BenchCast.MerchantEmail(0));
var timings = new List<(string Name, SummaryTiming RollUps, SummaryTiming Raw)>();
await AnsiConsole.Progress()
    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
    .StartAsync(async ctx =>
    {
        foreach (var (name, client, rangeFrom, merchantId) in new[]
        {
            ("Admin, full year", admin, from, (Guid?)null),
            ("Largest merchant, full year", merchant, from, largestMerchantId),
            ("Admin, last 30 days", admin, to.AddDays(-30), null),
        })
        {
            var task = ctx.AddTask(name, maxValue: options.Runs + 3);
            var query = $"/api/analytics/summary?from={rangeFrom.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", invariant)}&to={to.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", invariant)}&timeZone={Zone}";
            var (rollUps, raw) = await MeasureSummaryAsync(client, query, connection, rangeFrom, to, merchantId, options.Runs, () => task.Increment(1));
            timings.Add((name, rollUps, raw));
        }
    });

var summaryTable = new Table().AddColumns(
    "Summary request", "Total orders", "Roll-ups: first (cold)", "Median", "p95", "Raw recount: first", "Median", "p95", "Raw / roll-ups (medians)", "Roll-ups under 100 ms");
foreach (var (name, rollUps, raw) in timings)
{
    summaryTable.AddRow(
        name, rollUps.TotalOrders.ToString("N0", invariant), Ms(rollUps.Cold), Ms(rollUps.Median), Ms(rollUps.P95), Ms(raw.Cold), Ms(raw.Median), Ms(raw.P95),
        (raw.Median / rollUps.Median).ToString("F1", invariant) + "×", $"{rollUps.Runs.Count(r => r < 100)}/{rollUps.Runs.Count}");
}

AnsiConsole.Write(summaryTable);
if (options.SkipExport)
{
    AnsiConsole.MarkupLineInterpolated($"Load average after measuring: {LoadAverage()}");
    return 0;
}

var exports = new List<ExportResult>();
// 10 000 and 100 000 as asked, then every order: if the export buffered rows, memory would grow with them.
foreach (var rows in new[] { 10_000, 100_000, 10_000, 100_000, (int)orderCount })
{
    exports.Add(await MeasureExportAsync(admin, server, connection, (int)Math.Min(rows, orderCount)));
}

var exportTable = new Table().AddColumns("CSV export", "Rows", "MB", "First byte", "Total", "Rows/s", "Server WS before", "Peak during", "Peak - before");
foreach (var e in exports)
{
    exportTable.AddRow(
        $"{e.Expected:N0} newest orders", e.Rows.ToString("N0", invariant), (e.Bytes / 1e6).ToString("F1", invariant), Ms(e.FirstByte), Ms(e.Total),
        (e.Rows / e.Total * 1000).ToString("N0", invariant), Mb(e.Before), Mb(e.Peak), Mb(e.Peak - e.Before));
}

AnsiConsole.Write(exportTable);
AnsiConsole.MarkupLineInterpolated($"Load average after measuring: {LoadAverage()}");
return 0;

static async Task<(DateTimeOffset First, long Count)> ScalarsAsync(NpgsqlConnection connection)
{
    await using var command = new NpgsqlCommand("SELECT min(created_at), count(*) FROM orders", connection);
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    return (reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1));
}

static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

static async Task<HttpClient> SignedInAsync(Uri baseAddress, string email)
{
    var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
    var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = BenchCast.Password });
    response.EnsureSuccessStatusCode();
    using var login = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.RootElement.GetProperty("accessToken").GetString());
    return client;
}

// Each run sends the summary request (roll-ups, over HTTP) and then the raw recount (straight to PostgreSQL), so both
// meet the same load on a shared machine; a different total from the two is a wrong answer and ends the benchmark.
static async Task<(SummaryTiming RollUps, SummaryTiming Raw)> MeasureSummaryAsync(
    HttpClient client, string query, NpgsqlConnection connection, DateTimeOffset from, DateTimeOffset to, Guid? merchantId, int runs, Action tick)
{
    var rollUpTimes = new List<double>();
    var rawTimes = new List<double>();
    var total = 0;
    for (var i = 0; i < runs + 3; i++)
    {
        var clock = Stopwatch.StartNew();
        var response = await client.GetAsync(query);
        var body = await response.Content.ReadAsStringAsync();
        clock.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{query} answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        total = json.RootElement.GetProperty("totalOrders").GetInt32();
        rollUpTimes.Add(clock.Elapsed.TotalMilliseconds);

        clock.Restart();
        var recounted = await RawRecount.RunAsync(connection, from, to, Zone, merchantId);
        rawTimes.Add(clock.Elapsed.TotalMilliseconds);
        if (recounted != total)
        {
            throw new InvalidOperationException($"{query} answered {total} orders; the raw recount counts {recounted}.");
        }

        tick();
    }

    return (Timing(total, rollUpTimes), Timing(total, rawTimes));
}

// The first request finds cold caches; the next two warm up; the rest are the runs.
static SummaryTiming Timing(int total, List<double> times)
{
    var measured = times.Skip(3).ToList();
    var sorted = measured.Order().ToList();
    return new SummaryTiming(total, times[0], Percentile(sorted, 0.5), Percentile(sorted, 0.95), sorted[0], sorted[^1], measured);
}

static async Task<Guid> IdAsync(NpgsqlConnection connection, string email)
{
    await using var command = new NpgsqlCommand("SELECT id FROM users WHERE email = @email", connection);
    command.Parameters.AddWithValue("email", email);
    return (Guid)(await command.ExecuteScalarAsync())!;
}

static async Task<ExportResult> MeasureExportAsync(HttpClient client, ApiServer server, NpgsqlConnection connection, int rows)
{
    // The newest `rows` orders: everything created at or after the rows-th newest creation time.
    DateTimeOffset createdFrom;
    await using (var command = new NpgsqlCommand("SELECT created_at FROM orders ORDER BY created_at DESC OFFSET @skip LIMIT 1", connection))
    {
        command.Parameters.AddWithValue("skip", rows - 1);
        createdFrom = new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync())!, TimeSpan.Zero);
    }

    var expected = await CountAsync(connection, $"SELECT count(*) FROM orders WHERE created_at >= '{createdFrom.UtcDateTime:O}'");
    var before = server.WorkingSet();
    var peak = before;
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            peak = Math.Max(peak, server.WorkingSet());
            await Task.Delay(20);
        }
    });

    var clock = Stopwatch.StartNew();
    using var response = await client.GetAsync($"/api/orders/export?createdFrom={Uri.EscapeDataString(createdFrom.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}", HttpCompletionOption.ResponseHeadersRead);
    response.EnsureSuccessStatusCode();
    await using var body = await response.Content.ReadAsStreamAsync();
    var buffer = new byte[64 * 1024];
    long bytes = 0, lines = 0;
    TimeSpan? firstByte = null;
    int read;
    while ((read = await body.ReadAsync(buffer)) > 0)
    {
        firstByte ??= clock.Elapsed;
        bytes += read;
        lines += buffer.AsSpan(0, read).Count((byte)'\n');
    }

    clock.Stop();
    await sampling.CancelAsync();
    await sampler;
    return new ExportResult(expected, lines - 1, bytes, firstByte?.TotalMilliseconds ?? 0, clock.Elapsed.TotalMilliseconds, before, Math.Max(peak, server.WorkingSet()));
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

static string Ms(double milliseconds) => milliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";

static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

internal sealed record SummaryTiming(int TotalOrders, double Cold, double Median, double P95, double Min, double Max, List<double> Runs);

internal sealed record ExportResult(long Expected, long Rows, long Bytes, double FirstByte, double Total, long Before, long Peak);
