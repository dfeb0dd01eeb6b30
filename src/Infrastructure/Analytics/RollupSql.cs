using OrderTracking.Domain.Orders;

namespace OrderTracking.Infrastructure.Analytics;

/// <summary>
/// The SQL the analytics roll-ups are made of, shared by the reader, the compaction and the rebuild, so that the
/// figures of an order are worked out in one place whether it is folded into a roll-up, still waiting as a change
/// or read live. Its sources are rows of (<c>sign</c>, <see cref="SnapshotColumns"/>): an order as it stands
/// (sign 1), or a change recorded by the triggers of the <c>Analytics_Rollups</c> migration (the order before the
/// change with sign -1, after it with sign 1). See docs/decisions/0028.
/// </summary>
internal static class RollupSql
{
    /// <summary>The origin of <c>date_bin</c>: buckets are whole UTC hours and days whatever the session's time zone.</summary>
    public const string Origin = "TIMESTAMPTZ '2000-01-01 00:00:00+00'";

    /// <summary>The <c>scope_id</c> of the roll-up rows that count every order.</summary>
    public static readonly Guid EveryOrder = Guid.Empty;

    /// <summary>The statuses an order can leave, in lifecycle order: the only ones that can have a completed stay.</summary>
    public static readonly OrderStatus[] LeavableStatuses = Enum.GetValues<OrderStatus>()
        .Where(status => OrderLifecycle.Transitions.Any(t => t.From == status))
        .ToArray();

    /// <summary>The columns of an order that decide its figures, as named on <c>orders</c> and <c>analytics_order_changes</c>.</summary>
    public static readonly string SnapshotColumns =
        "created_at, merchant_id, assigned_partner_id, status, delivered_at, estimated_delivery_at, "
        + string.Join(", ", LeavableStatuses.Select(s => $"seconds_in_{Name(s)}"));

    /// <summary>The columns of a failed delivery attempt, as named on <c>analytics_failure_changes</c>.</summary>
    public const string FailureColumns = "created_at, merchant_id, assigned_partner_id, reason";

    /// <summary>The figures of one cell (scope, period, current status) of <c>analytics_orders</c>, in table order.</summary>
    public static readonly IReadOnlyList<string> CellColumns =
    [
        "orders", "delivered", "delivery_seconds", "delivered_with_estimate", "delivered_on_time",
        .. LeavableStatuses.SelectMany(s => (string[])[$"left_{Name(s)}", $"seconds_in_{Name(s)}"]),
    ];

    /// <summary>
    /// <see cref="CellColumns"/> summed over rows of (sign, snapshot columns), for a GROUP BY: each row adds (or, with
    /// sign -1, takes away) one order. The same expressions as the figures of the summary itself: an order is delivered
    /// when it has <c>delivered_at</c>, on time when that is at or before its estimate, and has left a status when it
    /// has a time in it.
    /// </summary>
    public static readonly string CellSums = string.Join(",\n", (string[])
    [
        "sum(sign)::int AS orders",
        "coalesce(sum(sign) FILTER (WHERE delivered_at IS NOT NULL), 0)::int AS delivered",
        "coalesce(sum(sign * date_part('epoch', delivered_at - created_at)), 0) AS delivery_seconds",
        "coalesce(sum(sign) FILTER (WHERE delivered_at IS NOT NULL AND estimated_delivery_at IS NOT NULL), 0)::int AS delivered_with_estimate",
        "coalesce(sum(sign) FILTER (WHERE delivered_at <= estimated_delivery_at), 0)::int AS delivered_on_time",
        .. LeavableStatuses.Select(Name).SelectMany(s => (string[])
        [
            $"coalesce(sum(sign) FILTER (WHERE seconds_in_{s} IS NOT NULL), 0)::int AS left_{s}",
            $"coalesce(sum(sign * seconds_in_{s}), 0) AS seconds_in_{s}",
        ]),
    ]);

    /// <summary>The columns of <c>analytics_orders_by_hour</c> that count the orders created in each UTC hour of its day.</summary>
    public static readonly IReadOnlyList<string> HourColumns = Enumerable.Range(0, 24).Select(h => $"hour_{h:00}").ToArray();

    /// <summary>The whole hours of delivery time of a delivered order: the coarse bins of the delivery-time histogram.</summary>
    public const string DeliveryHour = "floor(extract(epoch FROM delivered_at - created_at) / 3600)::int";

    /// <summary>The whole minutes of delivery time of a delivered order: the fine bins of the delivery-time histogram.</summary>
    public const string DeliveryMinute = "floor(extract(epoch FROM delivered_at - created_at) / 60)::int";

    /// <summary>
    /// Folds rows of (sign, snapshot columns) and of (sign, failure columns) into every roll-up table, for every
    /// scope (all orders, the order's merchant, and its delivery partner when it has one) and, but for the hourly
    /// counts (a row per UTC day, a column per hour), for the UTC day and the UTC month of the order's creation. A row
    /// that reaches zero orders (or attempts) is deleted, so the roll-ups hold only what some order is in.
    /// </summary>
    public static string Fold(string orders, string failures)
    {
        var cellUpdates = string.Join(", ", CellColumns.Select(c => $"{c} = t.{c} + d.{c}"));
        var cellValues = string.Join(", ", CellColumns.Select(c => $"d.{c}"));
        return $"""
            MERGE INTO analytics_orders AS t
            USING (
                SELECT s.scope, s.scope_id, p.period, p.period_start, c.status,
                       {CellSums}
                {Scoped(orders, byPeriod: true)}
                GROUP BY s.scope, s.scope_id, p.period, p.period_start, c.status
            ) AS d
            ON t.scope = d.scope AND t.scope_id = d.scope_id AND t.period = d.period AND t.period_start = d.period_start AND t.status = d.status
            WHEN MATCHED AND t.orders + d.orders = 0 THEN DELETE
            WHEN MATCHED THEN UPDATE SET {cellUpdates}
            WHEN NOT MATCHED AND d.orders <> 0 THEN INSERT (scope, scope_id, period, period_start, status, {string.Join(", ", CellColumns)})
                VALUES (d.scope, d.scope_id, d.period, d.period_start, d.status, {cellValues});

            MERGE INTO analytics_orders_by_hour AS t
            USING (
                SELECT scope, scope_id, date_bin('1 day', hour, {Origin}) AS day, sum(orders)::int AS orders,
                       {string.Join(", ", HourColumns.Select((h, i) => $"coalesce(sum(orders) FILTER (WHERE date_part('hour', hour AT TIME ZONE 'UTC') = {i}), 0)::int AS {h}"))}
                FROM (
                    SELECT s.scope, s.scope_id, date_bin('1 hour', c.created_at, {Origin}) AS hour, sum(c.sign) AS orders
                    {Scoped(orders, byPeriod: false)}
                    GROUP BY 1, 2, 3
                    HAVING sum(c.sign) <> 0
                ) AS h
                GROUP BY 1, 2, 3
            ) AS d
            ON t.scope = d.scope AND t.scope_id = d.scope_id AND t.day = d.day
            WHEN MATCHED AND t.orders + d.orders = 0 THEN DELETE
            WHEN MATCHED THEN UPDATE SET orders = t.orders + d.orders, {string.Join(", ", HourColumns.Select(h => $"{h} = t.{h} + d.{h}"))}
            WHEN NOT MATCHED AND d.orders <> 0 THEN INSERT (scope, scope_id, day, orders, {string.Join(", ", HourColumns)})
                VALUES (d.scope, d.scope_id, d.day, d.orders, {string.Join(", ", HourColumns.Select(h => $"d.{h}"))});

            {Counts("analytics_delivery_hours", ["period", "period_start", "hour"], ["p.period", "p.period_start", DeliveryHour], Scoped(orders, byPeriod: true) + " AND c.delivered_at IS NOT NULL", "orders")}

            {Counts("analytics_delivery_minutes", ["period", "period_start", "minute"], ["p.period", "p.period_start", DeliveryMinute], Scoped(orders, byPeriod: true) + " AND c.delivered_at IS NOT NULL", "orders")}

            {Counts("analytics_failures", ["period", "period_start", "reason"], ["p.period", "p.period_start", "c.reason"], Scoped(failures, byPeriod: true), "attempts")}
            """;
    }

    /// <summary><c>seconds_in_ready_for_pickup</c> and so on: the status as the orders table names its columns.</summary>
    public static string Name(OrderStatus status) => status switch
    {
        OrderStatus.ReadyForPickup => "ready_for_pickup",
        OrderStatus.PickedUp => "picked_up",
        OrderStatus.InTransit => "in_transit",
        OrderStatus.DeliveryFailed => "delivery_failed",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// Each source row once per scope it counts in (the partner's only when it has one) and, when
    /// <paramref name="byPeriod"/>, once for the UTC day and once for the UTC month of the order's creation.
    /// </summary>
    private static string Scoped(string source, bool byPeriod) => $"""
        FROM ({source}) AS c
        CROSS JOIN LATERAL (VALUES ('all', '{EveryOrder}'::uuid), ('merchant', c.merchant_id), ('partner', c.assigned_partner_id)) AS s (scope, scope_id)
        {(byPeriod ? $"CROSS JOIN LATERAL (VALUES ('day', date_bin('1 day', c.created_at, {Origin})), ('month', date_trunc('month', c.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')) AS p (period, period_start)" : string.Empty)}
        WHERE s.scope_id IS NOT NULL
        """;

    /// <summary>
    /// A roll-up of one count (<paramref name="count"/>: orders or attempts) by scope and <paramref name="keys"/>,
    /// whose values are <paramref name="values"/> over the rows of <paramref name="from"/>.
    /// </summary>
    private static string Counts(string table, string[] keys, string[] values, string from, string count)
    {
        var match = string.Join(" AND ", keys.Select(k => $"t.{k} = d.{k}"));
        return $"""
            MERGE INTO {table} AS t
            USING (
                SELECT s.scope, s.scope_id, {string.Join(", ", values)}, sum(c.sign)::int
                {from}
                GROUP BY {string.Join(", ", Enumerable.Range(1, keys.Length + 2))}
                HAVING sum(c.sign) <> 0
            ) AS d ({string.Join(", ", ["scope", "scope_id", .. keys, count])})
            ON t.scope = d.scope AND t.scope_id = d.scope_id AND {match}
            WHEN MATCHED AND t.{count} + d.{count} = 0 THEN DELETE
            WHEN MATCHED THEN UPDATE SET {count} = t.{count} + d.{count}
            WHEN NOT MATCHED THEN INSERT (scope, scope_id, {string.Join(", ", keys)}, {count}) VALUES (d.scope, d.scope_id, {string.Join(", ", keys.Select(k => $"d.{k}"))}, d.{count});
            """;
    }
}
