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
//        [--connection "Host=...;Database=..."] [--data-dir DIR]
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

var yearQuery = $"/api/analytics/summary?from={from.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", invariant)}&to={to.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", invariant)}&timeZone=Europe/Berlin";
var monthQuery = $"/api/analytics/summary?from={to.AddDays(-30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", invariant)}&to={to.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", invariant)}&timeZone=Europe/Berlin";
var timings = new List<(string Name, SummaryTiming Timing)>();
await AnsiConsole.Progress()
    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
    .StartAsync(async ctx =>
    {
        foreach (var (name, client, query) in new[]
        {
            ("Admin, full year", admin, yearQuery),
            ("Largest merchant, full year", merchant, yearQuery),
            ("Admin, last 30 days", admin, monthQuery),
        })
        {
            var task = ctx.AddTask(name, maxValue: options.Runs + 3);
            timings.Add((name, await MeasureSummaryAsync(client, query, options.Runs, () => task.Increment(1))));
        }
    });

var summaryTable = new Table().AddColumns("Summary request", "Total orders", "First (cold)", "Median", "p95", "Min", "Max", $"Under 500 ms");
foreach (var (name, t) in timings)
{
    summaryTable.AddRow(name, t.TotalOrders.ToString("N0", invariant), Ms(t.Cold), Ms(t.Median), Ms(t.P95), Ms(t.Min), Ms(t.Max), $"{t.Runs.Count(r => r < 500)}/{t.Runs.Count}");
}

AnsiConsole.Write(summaryTable);

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

static async Task<SummaryTiming> MeasureSummaryAsync(HttpClient client, string query, int runs, Action tick)
{
    var times = new List<double>();
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
        times.Add(clock.Elapsed.TotalMilliseconds);
        tick();
    }

    // The first request finds cold caches; the next two warm up; the rest are the runs.
    var measured = times.Skip(3).ToList();
    var sorted = measured.Order().ToList();
    return new SummaryTiming(total, times[0], Percentile(sorted, 0.5), Percentile(sorted, 0.95), sorted[0], sorted[^1], measured);
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
