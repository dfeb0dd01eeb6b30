using Npgsql;
using NpgsqlTypes;

namespace OrderTracking.Testing;

/// <summary>
/// The analytics summary counted again from every order in range, without the roll-ups: the statements the summary
/// ran before it read roll-ups. The integration tests' oracle (<c>AnalyticsRecount</c>) and the analytics benchmark's
/// raw baseline run the same text. Parameters: <c>@from</c>, <c>@to</c> (UTC), <c>@zone</c> (IANA) and <c>@merchant</c>,
/// <c>@partner</c> (null for everyone); see <see cref="Parameters"/>.
/// </summary>
public static class AnalyticsRecountSql
{
    /// <summary>One pass over the orders in range by local day and status, with GROUPING SETS for the days, the statuses and the totals (kind 1, 2, 3).</summary>
    public const string Cells = """
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
                    (@from AT TIME ZONE @zone)::date::timestamp,
                    ((@to - interval '1 microsecond') AT TIME ZONE @zone)::date::timestamp,
                    interval '1 day') AS d
                LEFT JOIN orders AS o
                       ON o.created_at >= greatest(d AT TIME ZONE @zone, @from)
                      AND o.created_at < least((d + interval '1 day') AT TIME ZONE @zone, @to)
                      AND (@merchant::uuid IS NULL OR o.merchant_id = @merchant::uuid)
                      AND (@partner::uuid IS NULL OR o.assigned_partner_id = @partner::uuid)
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
        """;

    /// <summary>PostgreSQL's own <c>percentile_cont</c> over every delivery time in range, in minutes.</summary>
    public const string P90 = """
        SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY date_part('epoch', delivered_at - created_at)) / 60 AS "Value"
        FROM orders
        WHERE delivered_at IS NOT NULL AND created_at >= @from AND created_at < @to
          AND (@merchant::uuid IS NULL OR merchant_id = @merchant::uuid)
          AND (@partner::uuid IS NULL OR assigned_partner_id = @partner::uuid)
        """;

    /// <summary>The failure entries of the histories of the orders in range, by reason.</summary>
    public const string Failures = """
        SELECT h.reason, count(*)::int AS attempts
        FROM orders AS o
        JOIN order_history AS h ON h.order_id = o.id AND h."to" = 'DeliveryFailed'
        WHERE o.created_at >= @from AND o.created_at < @to
          AND (@merchant::uuid IS NULL OR o.merchant_id = @merchant::uuid)
          AND (@partner::uuid IS NULL OR o.assigned_partner_id = @partner::uuid)
        GROUP BY h.reason
        ORDER BY attempts DESC, h.reason
        """;

    /// <summary>The ten merchants with the most orders in range (the admin's summary only).</summary>
    public const string TopMerchants = """
        SELECT o.merchant_id, coalesce(min(u.display_name), '') AS name, count(*)::int AS orders, count(o.delivered_at)::int AS delivered
        FROM orders AS o
        LEFT JOIN users AS u ON u.id = o.merchant_id
        WHERE o.created_at >= @from AND o.created_at < @to
        GROUP BY o.merchant_id
        ORDER BY orders DESC, o.merchant_id
        LIMIT 10
        """;

    /// <summary>The statements' parameters, fresh for each command.</summary>
    public static NpgsqlParameter[] Parameters(DateTimeOffset from, DateTimeOffset to, string zone, Guid? merchantId = null, Guid? partnerId = null) =>
    [
        new("from", NpgsqlDbType.TimestampTz) { Value = from.ToUniversalTime() },
        new("to", NpgsqlDbType.TimestampTz) { Value = to.ToUniversalTime() },
        new("zone", NpgsqlDbType.Text) { Value = zone },
        new("merchant", NpgsqlDbType.Uuid) { Value = (object?)merchantId ?? DBNull.Value },
        new("partner", NpgsqlDbType.Uuid) { Value = (object?)partnerId ?? DBNull.Value },
    ];
}
