using System.Diagnostics;
using Npgsql;
using OrderTracking.Domain.Orders;
using Spectre.Console;

namespace OrderTracking.Benchmarks;

/// <summary>Fills the database with generated orders through the Domain and binary COPY, with a progress bar.</summary>
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

                // Autovacuum would get there too; the benchmark should not depend on when. Index-only scans need the visibility map.
                vacuum.StartTask();
                await loader.ExecuteAsync("VACUUM (ANALYZE) orders, order_items, order_history, users");
                vacuum.Increment(1);
            });
        AnsiConsole.MarkupLineInterpolated($"Generated and loaded {count:N0} orders in {clock.Elapsed:hh\\:mm\\:ss}.");
    }
}
