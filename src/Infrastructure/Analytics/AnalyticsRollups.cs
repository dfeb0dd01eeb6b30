using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Analytics;

/// <summary>
/// Keeps the analytics roll-ups compact and can make them again from the orders. Every write to an order (or to the
/// failed attempts in its history) records, in its own transaction, the change as rows of
/// <c>analytics_order_changes</c> and <c>analytics_failure_changes</c> (triggers of the <c>Analytics_Rollups</c>
/// migration); the summary reads the roll-ups together with the changes not folded yet, so it is exact at any moment.
/// <see cref="CompactAsync"/> folds the recorded changes into the roll-ups, so they stay few.
/// Both hold one advisory lock: one folding at a time, across every instance (see docs/decisions/0028).
/// </summary>
public sealed class AnalyticsRollups(AppDbContext db)
{
    /// <summary>How many recorded changes one compaction transaction folds at most.</summary>
    public const int CompactionBatch = 20_000;

    /// <summary>An arbitrary constant that names the lock held while the roll-ups are folded or rebuilt ("OTANLY").</summary>
    private const long AdvisoryLockKey = 0x4F54_414E_4C59;

    /// <summary>
    /// Folds the changes recorded so far into the roll-ups, a batch per transaction; returns how many it folded.
    /// Returns 0 at once when another instance (or a rebuild) is folding.
    /// </summary>
    public async Task<long> CompactAsync(CancellationToken cancellationToken)
    {
        long folded = 0;
        while (true)
        {
            var batch = await db.Database.CreateExecutionStrategy().ExecuteAsync(
                (object?)null, (_, _, token) => CompactBatchAsync(token), verifySucceeded: null, cancellationToken);
            folded += batch?.Folded ?? 0;
            if (batch is not { Full: true })
            {
                return folded;
            }
        }
    }

    /// <summary>
    /// Makes every roll-up again from the orders and their histories (the <c>rebuild-analytics</c> operations verb).
    /// Writers go on meanwhile: the rebuild reads one snapshot and removes only the changes that snapshot holds;
    /// the changes committed after it stay recorded and are folded on top later. Returns how many orders it read.
    /// </summary>
    public async Task<long> RebuildAsync(CancellationToken cancellationToken)
    {
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(0);
        try
        {
            var orders = await db.Database.CreateExecutionStrategy().ExecuteAsync(
                (object?)null, (_, _, token) => RebuildOnceAsync(token), verifySucceeded: null, cancellationToken);

            // Statistics for the planner, and the visibility map the summary's index-only scans need, at once rather
            // than whenever autovacuum comes by.
            await db.Database.ExecuteSqlRawAsync(
                "VACUUM (ANALYZE) analytics_orders, analytics_orders_by_hour, analytics_delivery_hours, analytics_delivery_minutes, analytics_failures",
                cancellationToken);
            return orders;
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    /// <summary>Folds one batch; returns how many changes it folded and whether more may be waiting, or null when another holder of the lock is folding.</summary>
    private async Task<(long Folded, bool Full)?> CompactBatchAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // A session lock taken before the transaction: a lock taken inside it could be granted only after the
            // snapshot was taken, and that snapshot might not see what the previous holder folded.
            if (await ScalarAsync($"SELECT pg_try_advisory_lock({AdvisoryLockKey})", cancellationToken) is not true)
            {
                return null;
            }

            try
            {
                // One snapshot for the whole batch: what is folded is exactly what is then deleted. Changes committed
                // meanwhile are not in it and wait for the next batch.
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
                var (orderUpTo, orders, ordersFull) = await NextBatchAsync("analytics_order_changes", cancellationToken);
                var (failureUpTo, failures, failuresFull) = await NextBatchAsync("analytics_failure_changes", cancellationToken);
                if (orders + failures > 0)
                {
                    var fold = RollupSql.Fold(
                            $"SELECT sign, {RollupSql.SnapshotColumns} FROM analytics_order_changes WHERE id <= @order_up_to",
                            $"SELECT sign, {RollupSql.FailureColumns} FROM analytics_failure_changes WHERE id <= @failure_up_to")
                        + """

                          DELETE FROM analytics_order_changes WHERE id <= @order_up_to;
                          DELETE FROM analytics_failure_changes WHERE id <= @failure_up_to;
                          """;
                    await db.Database.ExecuteSqlRawAsync(
                        fold,
                        [new NpgsqlParameter<long>("order_up_to", orderUpTo), new NpgsqlParameter<long>("failure_up_to", failureUpTo)],
                        cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                return (orders + failures, ordersFull || failuresFull);
            }
            finally
            {
                await ExecuteAsync($"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<long> RebuildOnceAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await ExecuteAsync($"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
                var orders = (long)(await ScalarAsync("SELECT count(*) FROM orders", cancellationToken))!;
                var rebuild = """
                    DELETE FROM analytics_orders;
                    DELETE FROM analytics_orders_by_hour;
                    DELETE FROM analytics_delivery_hours;
                    DELETE FROM analytics_delivery_minutes;
                    DELETE FROM analytics_failures;
                    DELETE FROM analytics_order_changes;
                    DELETE FROM analytics_failure_changes;
                    """
                    + RollupSql.Fold(
                        $"SELECT 1 AS sign, {RollupSql.SnapshotColumns} FROM orders",
                        """
                        SELECT 1 AS sign, o.created_at, o.merchant_id, o.assigned_partner_id, coalesce(h.reason, '') AS reason
                        FROM order_history AS h
                        JOIN orders AS o ON o.id = h.order_id
                        WHERE h."to" = 'DeliveryFailed'
                        """);
                await db.Database.ExecuteSqlRawAsync(rebuild, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return orders;
            }
            finally
            {
                await ExecuteAsync($"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The next batch of <paramref name="table"/>: the id of its last change (0 when there is none), how many changes
    /// it holds, and whether it is full (so more may follow).
    /// </summary>
    private async Task<(long UpTo, long Count, bool Full)> NextBatchAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = Command($"""
            SELECT coalesce(max(id), 0), count(*)
            FROM (SELECT id FROM {table} ORDER BY id LIMIT {CompactionBatch}) AS batch
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var count = reader.GetInt64(1);
        return (reader.GetInt64(0), count, count == CompactionBatch);
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Command(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = db.Database.GetCommandTimeout() ?? 30;
        return command;
    }
}
