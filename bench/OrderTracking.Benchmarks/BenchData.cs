using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrderTracking.Domain.Orders;
using OrderTracking.Infrastructure.Analytics;
using OrderTracking.Infrastructure.Persistence;
using Spectre.Console;

namespace OrderTracking.Benchmarks;

/// <summary>
/// Fills the database with generated orders through the Domain and binary COPY, with a progress bar, then makes the
/// analytics roll-ups of them once (the triggers that record each change are off while the rows are copied).
/// </summary>
public static class BenchData
{
    public static async Task GenerateAsync(BenchCast cast, NpgsqlConnection connection, int count)
    {
        const int batchSize = 10_000;
        var end = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        var generator = new OrderGenerator(cast, end.AddDays(-365), end, seed: 20261125);
        var loader = new BulkLoader(connection);
        var clock = Stopwatch.StartNew();
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var load = ctx.AddTask("Orders generated and copied", maxValue: count);
                var rebuild = ctx.AddTask("Indexes and keys rebuilt", autoStart: false);
                var rollups = ctx.AddTask("Analytics roll-ups rebuilt", autoStart: false, maxValue: 1);
                var vacuum = ctx.AddTask("Vacuum and analyze", autoStart: false, maxValue: 1);

                rebuild.MaxValue = await loader.DropSecondaryStructuresAsync();
                var batch = new List<Order>(batchSize);
                foreach (var order in generator.Generate(count))
                {
                    batch.Add(order);
                    if (batch.Count == batchSize)
                    {
                        await loader.CopyAsync(batch);
                        load.Increment(batch.Count);
                        batch.Clear();
                    }
                }

                await loader.CopyAsync(batch);
                load.Increment(batch.Count);

                rebuild.StartTask();
                await loader.RestoreAsync(_ => rebuild.Increment(1));

                rollups.StartTask();
                await RebuildRollupsAsync(connection);
                rollups.Increment(1);

                // Autovacuum would get there too; the benchmark should not depend on when. Index-only scans need the visibility map.
                vacuum.StartTask();
                await loader.ExecuteAsync("VACUUM (ANALYZE) orders, order_items, order_history, users");
                vacuum.Increment(1);
            });
        AnsiConsole.MarkupLineInterpolated($"Generated and loaded {count:N0} orders in {clock.Elapsed:hh\\:mm\\:ss}.");
    }

    /// <summary>The rebuild the <c>rebuild-analytics</c> operations verb runs, on the loader's own connection.</summary>
    private static async Task RebuildRollupsAsync(NpgsqlConnection connection)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connection).UseSnakeCaseNamingConvention().Options;
        await using var db = new AppDbContext(options);
        await new AnalyticsRollups(db).RebuildAsync(CancellationToken.None);
    }
}
