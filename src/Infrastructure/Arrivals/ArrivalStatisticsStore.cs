using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Arrivals;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Orders;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Arrivals;

/// <summary>
/// <c>arrival_histograms</c>: per merchant, leg, area and hour of the week (and their "any" rows), the counts of leg
/// durations by <see cref="DurationHistogram"/> bin. Added to one leg at a time after commit (an event counted once,
/// through <c>arrival_events_counted</c>), and counted again from <c>order_history</c> by the rebuild, with the same
/// area, hour and bin rules in SQL as in C#.
/// </summary>
public sealed class ArrivalStatisticsStore(AppDbContext db) : IArrivalStatistics
{
    /// <summary>PostgreSQL's <c>width_bucket</c> wants the upper edges: bin i (1-based there) holds [edge i, edge i+1).</summary>
    private static readonly double[] Edges = [.. DurationHistogram.Edges];

    public async Task<(string PostalCode, DateTimeOffset Since)?> LegStartAsync(Guid orderId, OrderStatus status, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var statusName = status.ToString();
        var rows = await db.Database.SqlQuery<LegStartRow>($"""
            SELECT o.delivery_address_postal_code AS postal_code,
                   (SELECT max(h.at) FROM order_history AS h
                    WHERE h.order_id = o.id AND h.kind = 'StatusChange' AND h."to" = {statusName} AND h.at <= {before}) AS since
            FROM orders AS o WHERE o.id = {orderId}
            """).ToListAsync(cancellationToken);
        return rows is [{ Since: { } since } row] ? (row.PostalCode, since) : null;
    }

    public Task RecordAsync(Guid eventId, Guid merchantId, DeliveryLeg leg, string area, int hourOfWeek, TimeSpan duration, CancellationToken cancellationToken)
    {
        // Array positions are 1-based in PostgreSQL.
        var bin = DurationHistogram.BinOf(duration.TotalMinutes) + 1;
        var bins = DurationHistogram.BinCount;
        var legNumber = (int)leg;
        return db.Database.ExecuteSqlAsync($"""
            WITH counted AS (
                INSERT INTO arrival_events_counted (event_id, counted_at) VALUES ({eventId}, now())
                ON CONFLICT (event_id) DO NOTHING
                RETURNING 1
            )
            INSERT INTO arrival_histograms AS a (merchant_id, leg, area, hour_of_week, total, counts)
            SELECT {merchantId}, {legNumber}, g.area, g.hour_of_week, 1,
                   (SELECT array_agg(CASE WHEN i = {bin} THEN 1 ELSE 0 END ORDER BY i) FROM generate_series(1, {bins}) AS i)::bigint[]
            FROM (VALUES ({area}, {hourOfWeek}), ({area}, -1), ('', {hourOfWeek}), ('', -1)) AS g (area, hour_of_week)
            WHERE EXISTS (SELECT 1 FROM counted)
            ON CONFLICT (merchant_id, leg, area, hour_of_week) DO UPDATE
            SET total = a.total + 1, counts[{bin}] = a.counts[{bin}] + 1
            """, cancellationToken);
    }

    private static readonly string AreaOfDeliveryAddress = string.Format(System.Globalization.CultureInfo.InvariantCulture, ArrivalGroup.AreaSql, "o.delivery_address_postal_code");

    public Task<long> RebuildAsync(CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.Database.ExecuteSqlAsync($"DELETE FROM arrival_histograms", token);
            var bins = DurationHistogram.BinCount;

            // Each leg: its end (the move that finished it) and its start (the last entry into the status it began in, before
            // that end). The area and hour of the week as ArrivalGroup computes them; the bin as DurationHistogram.BinOf does.
            await db.Database.ExecuteSqlRawAsync("""
                WITH ends AS (
                    SELECT h.order_id, h.at AS ended_at,
                           CASE WHEN h."from" = 'PickedUp' THEN 1 ELSE 2 END AS leg,
                           CASE WHEN h."from" = 'PickedUp' THEN 'ReadyForPickup' ELSE 'InTransit' END AS started_in
                    FROM order_history AS h
                    WHERE h.kind = 'StatusChange'
                      AND ((h."from" = 'PickedUp' AND h."to" = 'InTransit') OR (h."from" = 'InTransit' AND h."to" = 'Delivered'))
                ),
                legs AS (
                    SELECT o.merchant_id, e.leg,
                           AREA_OF_DELIVERY_ADDRESS AS area,
                           s.started_at,
                           extract(epoch FROM e.ended_at - s.started_at) / 60 AS minutes
                    FROM ends AS e
                    JOIN orders AS o ON o.id = e.order_id
                    CROSS JOIN LATERAL (
                        SELECT max(h.at) AS started_at FROM order_history AS h
                        WHERE h.order_id = e.order_id AND h.kind = 'StatusChange' AND h."to" = e.started_in AND h.at <= e.ended_at
                    ) AS s
                    WHERE s.started_at IS NOT NULL
                ),
                binned AS (
                    SELECT merchant_id, leg, area,
                           ((extract(isodow FROM started_at AT TIME ZONE 'UTC')::int - 1) * 24 + extract(hour FROM started_at AT TIME ZONE 'UTC')::int) AS hour_of_week,
                           greatest(1, width_bucket(minutes::float8, {0})) AS bin
                    FROM legs
                ),
                cells AS (
                    SELECT merchant_id, leg, coalesce(area, '') AS area, coalesce(hour_of_week, -1) AS hour_of_week, bin, count(*) AS n
                    FROM binned
                    GROUP BY GROUPING SETS ((merchant_id, leg, area, hour_of_week, bin), (merchant_id, leg, area, bin),
                                            (merchant_id, leg, hour_of_week, bin), (merchant_id, leg, bin))
                ),
                groups AS (SELECT DISTINCT merchant_id, leg, area, hour_of_week FROM cells)
                INSERT INTO arrival_histograms (merchant_id, leg, area, hour_of_week, total, counts)
                SELECT g.merchant_id, g.leg, g.area, g.hour_of_week, coalesce(sum(c.n), 0), array_agg(coalesce(c.n, 0) ORDER BY i.i)::bigint[]
                FROM groups AS g
                CROSS JOIN generate_series(1, {1}) AS i (i)
                LEFT JOIN cells AS c ON c.merchant_id = g.merchant_id AND c.leg = g.leg AND c.area = g.area
                                    AND c.hour_of_week = g.hour_of_week AND c.bin = i.i
                GROUP BY g.merchant_id, g.leg, g.area, g.hour_of_week
                """.Replace("AREA_OF_DELIVERY_ADDRESS", AreaOfDeliveryAddress, StringComparison.Ordinal), [Edges, bins], token);
            var legs = await db.Database.SqlQuery<long>($"SELECT coalesce(sum(total), 0)::bigint AS \"Value\" FROM arrival_histograms WHERE area = '' AND hour_of_week = -1").SingleAsync(token);
            await transaction.CommitAsync(token);
            return legs;
        }, cancellationToken);

    private sealed class LegStartRow
    {
        public string PostalCode { get; init; } = string.Empty;
        public DateTimeOffset? Since { get; init; }
    }
}
