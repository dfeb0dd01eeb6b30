using Microsoft.EntityFrameworkCore;
using OrderTracking.Domain.Orders;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The analytics summary counted again from every order in range, without the roll-ups: the statements the summary
/// ran before it read roll-ups (one pass over the orders by local day and status, the failure entries of their
/// histories, each merchant's orders), with PostgreSQL's own <c>percentile_cont</c> for the p90. The oracle that
/// the roll-ups' answer must equal.
/// </summary>
public static class AnalyticsRecount
{
    private static readonly OrderStatus[] LeavableStatuses =
        [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup, OrderStatus.PickedUp, OrderStatus.InTransit, OrderStatus.DeliveryFailed];

    /// <summary>The summary of the orders created in [<paramref name="from"/>, <paramref name="to"/>), of one merchant, one partner or (both null, with top merchants) everyone.</summary>
    public static async Task<AnalyticsSummaryResponse> SummarizeAsync(ApiFactory api, DateTimeOffset from, DateTimeOffset to, string zone, Guid? merchantId = null, Guid? partnerId = null)
    {
        from = from.ToUniversalTime();
        to = to.ToUniversalTime();
        return await api.WithDbAsync(async db =>
        {
            var rollup = await db.Database.SqlQuery<RollupRow>($"""
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
                            interval '1 day') AS d
                        LEFT JOIN orders AS o
                               ON o.created_at >= greatest(d AT TIME ZONE {zone}, {from})
                              AND o.created_at < least((d + interval '1 day') AT TIME ZONE {zone}, {to})
                              AND ({merchantId}::uuid IS NULL OR o.merchant_id = {merchantId}::uuid)
                              AND ({partnerId}::uuid IS NULL OR o.assigned_partner_id = {partnerId}::uuid)
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
                """).ToListAsync();

            var p90 = await db.Database.SqlQuery<double?>($"""
                SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY date_part('epoch', delivered_at - created_at)) / 60 AS "Value"
                FROM orders
                WHERE delivered_at IS NOT NULL AND created_at >= {from} AND created_at < {to}
                  AND ({merchantId}::uuid IS NULL OR merchant_id = {merchantId}::uuid)
                  AND ({partnerId}::uuid IS NULL OR assigned_partner_id = {partnerId}::uuid)
                """).SingleAsync();

            var failures = await db.Database.SqlQuery<FailureRow>($"""
                SELECT h.reason, count(*)::int AS attempts
                FROM orders AS o
                JOIN order_history AS h ON h.order_id = o.id AND h."to" = 'DeliveryFailed'
                WHERE o.created_at >= {from} AND o.created_at < {to}
                  AND ({merchantId}::uuid IS NULL OR o.merchant_id = {merchantId}::uuid)
                  AND ({partnerId}::uuid IS NULL OR o.assigned_partner_id = {partnerId}::uuid)
                GROUP BY h.reason
                ORDER BY attempts DESC, h.reason
                """).ToListAsync();

            var merchants = await db.Database.SqlQuery<MerchantRow>($"""
                SELECT o.merchant_id, coalesce(min(u.display_name), '') AS name, count(*)::int AS orders, count(o.delivered_at)::int AS delivered
                FROM orders AS o
                LEFT JOIN users AS u ON u.id = o.merchant_id
                WHERE o.created_at >= {from} AND o.created_at < {to}
                GROUP BY o.merchant_id
                ORDER BY orders DESC, o.merchant_id
                LIMIT 10
                """).ToListAsync();

            var totals = rollup.Single(r => r.Kind == 3);
            var byStatus = rollup.Where(r => r.Kind == 2 && r.Status is not null).ToDictionary(r => Enum.Parse<OrderStatus>(r.Status!), r => r.Orders);
            return new AnalyticsSummaryResponse(
                from,
                to,
                zone,
                totals.Orders,
                Enum.GetValues<OrderStatus>().Select(s => new StatusCountResponse(s, byStatus.GetValueOrDefault(s))).ToList(),
                rollup.Where(r => r.Kind == 1).OrderBy(r => r.Day).Select(r => new DailyCountResponse(r.Day!.Value, r.Orders)).ToList(),
                new DeliveryTimeResponse(totals.Delivered, totals.AverageDeliveryMinutes, p90),
                new OnTimeResponse(
                    totals.DeliveredWithEstimate,
                    totals.DeliveredOnTime,
                    totals.Delivered - totals.DeliveredWithEstimate,
                    totals.DeliveredWithEstimate == 0 ? null : (double)totals.DeliveredOnTime / totals.DeliveredWithEstimate),
                LeavableStatuses.Select(totals.TimeIn).ToList(),
                failures.Select(f => new FailureReasonResponse(Enum.Parse<DeliveryFailureReason>(f.Reason), f.Attempts)).ToList(),
                merchantId is null && partnerId is null
                    ? merchants.Select(m => new MerchantRankingResponse(m.MerchantId, m.Name, m.Orders, m.Delivered)).ToList()
                    : null);
        });
    }

    /// <summary>
    /// Asserts that <paramref name="actual"/> says what the recount says: every count equal; the averages, the rate and
    /// the p90 equal up to the rounding of floating-point sums taken in another order (a relative 1e-9).
    /// </summary>
    public static void AssertSame(AnalyticsSummaryResponse expected, AnalyticsSummaryResponse actual, string what)
    {
        try
        {
            Assert.Equal((expected.From, expected.To, expected.TimeZone), (actual.From, actual.To, actual.TimeZone));
            Assert.Equal(expected.TotalOrders, actual.TotalOrders);
            Assert.Equal(expected.StatusCounts, actual.StatusCounts);
            Assert.Equal(expected.OrdersPerDay, actual.OrdersPerDay);
            Assert.Equal(expected.DeliveryTime.DeliveredOrders, actual.DeliveryTime.DeliveredOrders);
            AssertClose(expected.DeliveryTime.AverageMinutes, actual.DeliveryTime.AverageMinutes);
            AssertClose(expected.DeliveryTime.P90Minutes, actual.DeliveryTime.P90Minutes);
            Assert.Equal(expected.OnTime with { Rate = null }, actual.OnTime with { Rate = null });
            AssertClose(expected.OnTime.Rate, actual.OnTime.Rate);
            Assert.Equal(expected.TimeInStatus.Select(t => (t.Status, t.Orders)), actual.TimeInStatus.Select(t => (t.Status, t.Orders)));
            Assert.All(expected.TimeInStatus.Zip(actual.TimeInStatus), pair => AssertClose(pair.First.AverageMinutes, pair.Second.AverageMinutes));
            Assert.Equal(expected.FailureReasons, actual.FailureReasons);
            Assert.Equal(expected.TopMerchants, actual.TopMerchants);
        }
        catch (Exception ex) when (ex is Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{what}: {ex.Message}");
        }
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e && actual is { } a)
        {
            Assert.True(Math.Abs(e - a) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"Expected {e:R}, got {a:R}.");
        }
    }

    private sealed class RollupRow
    {
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

        public StatusDurationResponse TimeIn(OrderStatus status)
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
            return new StatusDurationResponse(status, orders, minutes);
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
