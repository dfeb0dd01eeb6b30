using System.Data;
using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Analytics.Queries.GetAnalyticsSummary;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Orders;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Analytics;

/// <summary>
/// The analytics summary in four SQL statements, all aggregated by PostgreSQL: a roll-up of the orders in range by
/// local day and status (which also yields the status counts, delivery, on-time and time-in-status figures), the
/// p90 delivery time read from an index, the failure reasons from the history, and (for an admin) the top
/// merchants. They run in one read-only repeatable-read transaction, so every figure describes the same snapshot.
/// The indexes that serve them are made by the AnalyticsSummary migration (see docs/decisions/0010).
/// </summary>
public sealed class AnalyticsReader(AppDbContext db) : IAnalyticsReader
{
    private const double Percentile = 0.9;
    private const int TopMerchantCount = 10;

    /// <summary>The statuses an order can leave, in lifecycle order: the only ones that can have a completed stay.</summary>
    private static readonly OrderStatus[] LeavableStatuses = Enum.GetValues<OrderStatus>()
        .Where(status => OrderLifecycle.Transitions.Any(t => t.From == status))
        .ToArray();

    public async Task<AnalyticsSummary> SummarizeAsync(AnalyticsScope scope, CancellationToken cancellationToken)
    {
        // Read only, so the whole transaction is safe to run again after a transient fault.
        var (rollup, totals, p90, failures, topMerchants) = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, token);

            // Read only; and no JIT: the row estimates of these statements are large enough to trigger it, and compiling
            // costs more than it saves on a query that runs for a few hundred milliseconds.
            await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY; SET LOCAL jit = off", token);

            var rollup = await RollupAsync(scope, token);
            var totals = rollup.Single(r => r.Kind == RollupRow.Totals);
            var p90 = await P90DeliverySecondsAsync(scope, totals.Delivered, token);
            var failures = await FailureReasonsAsync(scope, token);
            var topMerchants = scope.MerchantId is null ? await TopMerchantsAsync(scope, token) : null;

            await transaction.CommitAsync(token);
            return (rollup, totals, p90, failures, topMerchants);
        }, cancellationToken);

        var byStatus = rollup.Where(r => r.Kind == RollupRow.ByStatus && r.Status is not null).ToDictionary(r => Enum.Parse<OrderStatus>(r.Status!), r => r.Orders);
        return new AnalyticsSummary
        {
            From = scope.From,
            To = scope.To,
            TimeZone = scope.TimeZone,
            TotalOrders = totals.Orders,
            StatusCounts = Enum.GetValues<OrderStatus>().Select(s => new StatusCount { Status = s, Orders = byStatus.GetValueOrDefault(s) }).ToList(),
            OrdersPerDay = rollup.Where(r => r.Kind == RollupRow.ByDay).OrderBy(r => r.Day).Select(r => new DailyCount { Date = r.Day!.Value, Orders = r.Orders }).ToList(),
            DeliveryTime = new DeliveryTimeFigures
            {
                DeliveredOrders = totals.Delivered,
                AverageMinutes = totals.AverageDeliveryMinutes,
                P90Minutes = p90 / 60,
            },
            OnTime = new OnTimeFigures
            {
                DeliveredWithEstimate = totals.DeliveredWithEstimate,
                DeliveredOnTime = totals.DeliveredOnTime,
                DeliveredWithoutEstimate = totals.Delivered - totals.DeliveredWithEstimate,
                Rate = totals.DeliveredWithEstimate == 0 ? null : (double)totals.DeliveredOnTime / totals.DeliveredWithEstimate,
            },
            TimeInStatus = LeavableStatuses.Select(status => totals.TimeIn(status)).ToList(),
            FailureReasons = failures.Select(f => new FailureReasonCount { Reason = Enum.Parse<DeliveryFailureReason>(f.Reason), Attempts = f.Attempts }).ToList(),
            TopMerchants = topMerchants?.Select(m => new MerchantRanking { MerchantId = m.MerchantId, Name = m.Name, Orders = m.Orders, DeliveredOrders = m.Delivered }).ToList(),
        };
    }

    /// <summary>
    /// One pass over the orders in range. The local days come from generate_series in the caller's zone, each
    /// clipped to [from, to), and every day is one range scan of the covering index (index-only), so DST days have
    /// 23 or 25 hours, no order is converted to local time one by one, and the planner estimates the groups right.
    /// The days are split into two interleaved halves (even and odd) joined by UNION ALL, which PostgreSQL runs in
    /// two processes at once (Parallel Append, each with its own partial aggregate). The cells (day × status) are
    /// then rolled up by day, by status and in total with GROUPING SETS.
    /// </summary>
    private async Task<List<RollupRow>> RollupAsync(AnalyticsScope scope, CancellationToken cancellationToken)
    {
        var (from, to, zone, merchantId) = scope;
        return await db.Database.SqlQuery<RollupRow>($"""
            WITH cells AS (
                SELECT day,
                       status,
                       count(created_at) AS orders,
                       count(delivered_at) AS delivered,
                       sum(date_part('epoch', delivered_at - created_at)) AS delivery_seconds,
                       count(estimated_delivery_at) FILTER (WHERE delivered_at IS NOT NULL) AS delivered_with_estimate,
                       count(*) FILTER (WHERE delivered_at <= estimated_delivery_at) AS delivered_on_time,
                       sum(seconds_in_pending) AS pending_seconds, count(seconds_in_pending) AS pending_orders,
                       sum(seconds_in_confirmed) AS confirmed_seconds, count(seconds_in_confirmed) AS confirmed_orders,
                       sum(seconds_in_preparing) AS preparing_seconds, count(seconds_in_preparing) AS preparing_orders,
                       sum(seconds_in_ready_for_pickup) AS ready_seconds, count(seconds_in_ready_for_pickup) AS ready_orders,
                       sum(seconds_in_picked_up) AS picked_up_seconds, count(seconds_in_picked_up) AS picked_up_orders,
                       sum(seconds_in_in_transit) AS in_transit_seconds, count(seconds_in_in_transit) AS in_transit_orders,
                       sum(seconds_in_delivery_failed) AS failed_seconds, count(seconds_in_delivery_failed) AS failed_orders
                FROM (
                    SELECT d::date AS day, o.status, o.created_at, o.delivered_at, o.estimated_delivery_at,
                           o.seconds_in_pending, o.seconds_in_confirmed, o.seconds_in_preparing, o.seconds_in_ready_for_pickup,
                           o.seconds_in_picked_up, o.seconds_in_in_transit, o.seconds_in_delivery_failed
                    FROM generate_series(
                        ({from} AT TIME ZONE {zone})::date::timestamp,
                        (({to} - interval '1 microsecond') AT TIME ZONE {zone})::date::timestamp,
                        interval '2 days') AS d
                    LEFT JOIN orders AS o
                           ON o.created_at >= greatest(d AT TIME ZONE {zone}, {from})
                          AND o.created_at < least((d + interval '1 day') AT TIME ZONE {zone}, {to})
                          AND ({merchantId}::uuid IS NULL OR o.merchant_id = {merchantId}::uuid)
                    UNION ALL
                    SELECT d::date AS day, o.status, o.created_at, o.delivered_at, o.estimated_delivery_at,
                           o.seconds_in_pending, o.seconds_in_confirmed, o.seconds_in_preparing, o.seconds_in_ready_for_pickup,
                           o.seconds_in_picked_up, o.seconds_in_in_transit, o.seconds_in_delivery_failed
                    FROM generate_series(
                        ({from} AT TIME ZONE {zone})::date::timestamp + interval '1 day',
                        (({to} - interval '1 microsecond') AT TIME ZONE {zone})::date::timestamp,
                        interval '2 days') AS d
                    LEFT JOIN orders AS o
                           ON o.created_at >= greatest(d AT TIME ZONE {zone}, {from})
                          AND o.created_at < least((d + interval '1 day') AT TIME ZONE {zone}, {to})
                          AND ({merchantId}::uuid IS NULL OR o.merchant_id = {merchantId}::uuid)
                ) AS in_range
                GROUP BY day, status
            )
            SELECT GROUPING(day, status) AS kind,
                   day,
                   status,
                   sum(orders)::int AS orders,
                   sum(delivered)::int AS delivered,
                   sum(delivery_seconds) / nullif(sum(delivered), 0) / 60 AS average_delivery_minutes,
                   sum(delivered_with_estimate)::int AS delivered_with_estimate,
                   sum(delivered_on_time)::int AS delivered_on_time,
                   sum(pending_orders)::int AS pending_orders, sum(pending_seconds) / nullif(sum(pending_orders), 0) / 60 AS pending_minutes,
                   sum(confirmed_orders)::int AS confirmed_orders, sum(confirmed_seconds) / nullif(sum(confirmed_orders), 0) / 60 AS confirmed_minutes,
                   sum(preparing_orders)::int AS preparing_orders, sum(preparing_seconds) / nullif(sum(preparing_orders), 0) / 60 AS preparing_minutes,
                   sum(ready_orders)::int AS ready_for_pickup_orders, sum(ready_seconds) / nullif(sum(ready_orders), 0) / 60 AS ready_for_pickup_minutes,
                   sum(picked_up_orders)::int AS picked_up_orders, sum(picked_up_seconds) / nullif(sum(picked_up_orders), 0) / 60 AS picked_up_minutes,
                   sum(in_transit_orders)::int AS in_transit_orders, sum(in_transit_seconds) / nullif(sum(in_transit_orders), 0) / 60 AS in_transit_minutes,
                   sum(failed_orders)::int AS delivery_failed_orders, sum(failed_seconds) / nullif(sum(failed_orders), 0) / 60 AS delivery_failed_minutes
            FROM cells
            GROUP BY GROUPING SETS ((day), (status), ())
            """).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// percentile_cont(0.9) of the delivery times: with n values sorted ascending it interpolates between the k-th and
    /// (k+1)-th (0-based, k = floor(0.9 (n - 1))). Rather than sort all n, this reads just those two from the top of
    /// the delivery-time index, which passes over about a tenth of the delivered orders.
    /// </summary>
    private async Task<double?> P90DeliverySecondsAsync(AnalyticsScope scope, int delivered, CancellationToken cancellationToken)
    {
        if (delivered == 0)
        {
            return null;
        }

        var (from, to, _, merchantId) = scope;
        var rank = Percentile * (delivered - 1);
        var lower = Math.Floor(rank);
        var fraction = rank - lower;
        var fromTop = Math.Max(delivered - 2 - (long)lower, 0);
        return await db.Database.SqlQuery<double?>($"""
            SELECT min(seconds) + {fraction} * (max(seconds) - min(seconds)) AS "Value"
            FROM (
                SELECT date_part('epoch', o.delivered_at - o.created_at) AS seconds
                FROM orders AS o
                WHERE o.delivered_at IS NOT NULL
                  AND o.created_at >= {from} AND o.created_at < {to}
                  AND ({merchantId}::uuid IS NULL OR o.merchant_id = {merchantId}::uuid)
                ORDER BY o.delivered_at - o.created_at DESC
                OFFSET {fromTop} LIMIT 2
            ) AS nearest
            """).SingleAsync(cancellationToken);
    }

    /// <summary>
    /// The DeliveryFailed entries of the orders in range. Only orders that are or have been in DeliveryFailed can
    /// have one (the time they spent there is recorded once they leave), so the join starts from those few orders
    /// (a partial index) rather than from every order in range.
    /// </summary>
    private async Task<List<FailureRow>> FailureReasonsAsync(AnalyticsScope scope, CancellationToken cancellationToken)
    {
        var (from, to, _, merchantId) = scope;
        return await db.Database.SqlQuery<FailureRow>($"""
            SELECT h.reason, count(*)::int AS attempts
            FROM orders AS o
            JOIN order_history AS h ON h.order_id = o.id AND h."to" = 'DeliveryFailed'
            WHERE (o.seconds_in_delivery_failed IS NOT NULL OR o.status = 'DeliveryFailed')
              AND o.created_at >= {from} AND o.created_at < {to}
              AND ({merchantId}::uuid IS NULL OR o.merchant_id = {merchantId}::uuid)
            GROUP BY h.reason
            ORDER BY attempts DESC, h.reason
            """).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Each merchant's orders in range, counted on its own range of the (merchant, created) covering index: the
    /// recursive part walks that index from one merchant to the next (a loose index scan), so nothing scans the
    /// orders table, and the count per merchant reads only that merchant's orders in range.
    /// </summary>
    private async Task<List<MerchantRow>> TopMerchantsAsync(AnalyticsScope scope, CancellationToken cancellationToken)
    {
        var (from, to, _, _) = scope;
        return await db.Database.SqlQuery<MerchantRow>($"""
            WITH RECURSIVE merchants AS (
                SELECT (SELECT merchant_id FROM orders ORDER BY merchant_id LIMIT 1) AS id
                UNION ALL
                SELECT (SELECT o.merchant_id FROM orders AS o WHERE o.merchant_id > m.id ORDER BY o.merchant_id LIMIT 1)
                FROM merchants AS m
                WHERE m.id IS NOT NULL
            ),
            ranked AS (
                SELECT m.id AS merchant_id, c.orders, c.delivered
                FROM merchants AS m
                CROSS JOIN LATERAL (
                    SELECT count(*)::int AS orders, count(o.delivered_at)::int AS delivered
                    FROM orders AS o
                    WHERE o.merchant_id = m.id AND o.created_at >= {from} AND o.created_at < {to}
                ) AS c
                WHERE m.id IS NOT NULL AND c.orders > 0
                ORDER BY c.orders DESC, m.id
                LIMIT {TopMerchantCount}
            )
            SELECT ranked.merchant_id, coalesce(u.display_name, '') AS name, ranked.orders, ranked.delivered
            FROM ranked
            LEFT JOIN users AS u ON u.id = ranked.merchant_id
            ORDER BY ranked.orders DESC, ranked.merchant_id
            """).ToListAsync(cancellationToken);
    }

    private sealed class RollupRow
    {
        public const int ByDay = 1;
        public const int ByStatus = 2;
        public const int Totals = 3;

        /// <summary>GROUPING(day, status): 1 for a day, 2 for a status, 3 for the totals.</summary>
        public int Kind { get; init; }

        public DateOnly? Day { get; init; }
        public string? Status { get; init; }
        public int Orders { get; init; }
        public int Delivered { get; init; }
        public double? AverageDeliveryMinutes { get; init; }
        public int DeliveredWithEstimate { get; init; }
        public int DeliveredOnTime { get; init; }
        public int PendingOrders { get; init; }
        public double? PendingMinutes { get; init; }
        public int ConfirmedOrders { get; init; }
        public double? ConfirmedMinutes { get; init; }
        public int PreparingOrders { get; init; }
        public double? PreparingMinutes { get; init; }
        public int ReadyForPickupOrders { get; init; }
        public double? ReadyForPickupMinutes { get; init; }
        public int PickedUpOrders { get; init; }
        public double? PickedUpMinutes { get; init; }
        public int InTransitOrders { get; init; }
        public double? InTransitMinutes { get; init; }
        public int DeliveryFailedOrders { get; init; }
        public double? DeliveryFailedMinutes { get; init; }

        public StatusDuration TimeIn(OrderStatus status)
        {
            var (orders, minutes) = status switch
            {
                OrderStatus.Pending => (PendingOrders, PendingMinutes),
                OrderStatus.Confirmed => (ConfirmedOrders, ConfirmedMinutes),
                OrderStatus.Preparing => (PreparingOrders, PreparingMinutes),
                OrderStatus.ReadyForPickup => (ReadyForPickupOrders, ReadyForPickupMinutes),
                OrderStatus.PickedUp => (PickedUpOrders, PickedUpMinutes),
                OrderStatus.InTransit => (InTransitOrders, InTransitMinutes),
                OrderStatus.DeliveryFailed => (DeliveryFailedOrders, DeliveryFailedMinutes),
                _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A terminal status is never left."),
            };
            return new StatusDuration { Status = status, Orders = orders, AverageMinutes = minutes };
        }
    }

    private sealed class FailureRow
    {
        public string Reason { get; init; } = string.Empty;
        public int Attempts { get; init; }
    }

    private sealed class MerchantRow
    {
        public Guid MerchantId { get; init; }
        public string Name { get; init; } = string.Empty;
        public int Orders { get; init; }
        public int Delivered { get; init; }
    }
}
