using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.CourierPositions;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.CourierPositions;

/// <summary>
/// <c>courier_positions</c>: one row per courier with an order out for delivery (a partner's courier is known by the
/// order it carries), overwritten by every newer report. Each report is one statement that takes a share lock on the
/// courier's orders out for delivery: a status change of one of them waits for the report to commit, and a report that
/// comes after the change no longer finds the order, so the after-commit forgetting never misses a row.
/// </summary>
public sealed class CourierPositionStore(AppDbContext db) : ICourierPositions
{
    // The recent speed: half the last leg's speed and half the speed before, from reports 5 s to 10 min apart; a jump in
    // between (a fix from the other side of town) is damped rather than believed.
    private const string Upsert = """
        kept AS (
            INSERT INTO courier_positions AS p (carrier_id, latitude, longitude, accuracy_meters, recorded_at, speed_meters_per_second)
            SELECT (SELECT carrier FROM carrier), {1}, {2}, {3}, {4}, NULL
            WHERE EXISTS (SELECT 1 FROM carried)
            ON CONFLICT (carrier_id) DO UPDATE SET
                latitude = excluded.latitude,
                longitude = excluded.longitude,
                accuracy_meters = excluded.accuracy_meters,
                recorded_at = excluded.recorded_at,
                speed_meters_per_second = CASE
                    WHEN extract(epoch FROM excluded.recorded_at - p.recorded_at) BETWEEN 5 AND 600 THEN
                        0.5 * (2 * 6371008.8 * asin(least(1, sqrt(
                            power(sin(radians(excluded.latitude - p.latitude) / 2), 2)
                            + cos(radians(p.latitude)) * cos(radians(excluded.latitude)) * power(sin(radians(excluded.longitude - p.longitude) / 2), 2))))
                            / extract(epoch FROM excluded.recorded_at - p.recorded_at))
                        + 0.5 * coalesce(p.speed_meters_per_second, 2 * 6371008.8 * asin(least(1, sqrt(
                            power(sin(radians(excluded.latitude - p.latitude) / 2), 2)
                            + cos(radians(p.latitude)) * cos(radians(excluded.latitude)) * power(sin(radians(excluded.longitude - p.longitude) / 2), 2))))
                            / extract(epoch FROM excluded.recorded_at - p.recorded_at))
                    ELSE p.speed_meters_per_second END
            WHERE excluded.recorded_at > p.recorded_at
            RETURNING p.latitude, p.longitude, p.accuracy_meters, p.recorded_at, p.speed_meters_per_second
        )
        SELECT c.id AS order_id, c.tracking_code, c.merchant_id,
               k.latitude, k.longitude, k.accuracy_meters, k.recorded_at, k.speed_meters_per_second,
               (SELECT count(*)::int FROM carried) AS parcels_out
        FROM carried AS c LEFT JOIN kept AS k ON true
        """;

    public Task<CourierReport> ReportForCourierAsync(Guid courierId, CourierPosition position, CancellationToken cancellationToken) =>
        ReportAsync(db.Database.SqlQueryRaw<ReportRow>(
            """
            WITH carried AS (
                SELECT o.id, o.tracking_code, o.merchant_id FROM orders AS o
                WHERE o.assigned_courier_id = {0} AND o.status = 'InTransit'
                FOR SHARE
            ),
            carrier AS (SELECT {0}::uuid AS carrier),
            """ + Upsert,
            courierId, position.Point.Latitude, position.Point.Longitude, position.AccuracyMeters, position.RecordedAt), cancellationToken);

    public Task<CourierReport> ReportForPartnerOrderAsync(Guid partnerId, string trackingCode, CourierPosition position, CancellationToken cancellationToken) =>
        ReportAsync(db.Database.SqlQueryRaw<ReportRow>(
            """
            WITH carried AS (
                SELECT o.id, o.tracking_code, o.merchant_id FROM orders AS o
                WHERE o.tracking_code = {5} AND o.assigned_partner_id = {0} AND o.status = 'InTransit'
                FOR SHARE
            ),
            carrier AS (SELECT id AS carrier FROM carried),
            """ + Upsert,
            partnerId, position.Point.Latitude, position.Point.Longitude, position.AccuracyMeters, position.RecordedAt, trackingCode), cancellationToken);

    public Task<int> ForgetUnlessOutForDeliveryAsync(Guid? courierId, Guid orderId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            DELETE FROM courier_positions AS p
            WHERE p.carrier_id = {orderId}
               OR (p.carrier_id = {courierId}
                   AND NOT EXISTS (SELECT 1 FROM orders AS o WHERE o.assigned_courier_id = {courierId} AND o.status = 'InTransit'))
            """, cancellationToken);

    public Task<int> ForgetAllNotOutForDeliveryAsync(CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            DELETE FROM courier_positions AS p
            WHERE NOT EXISTS (
                SELECT 1 FROM orders AS o
                WHERE o.status = 'InTransit' AND (o.assigned_courier_id = p.carrier_id OR (o.id = p.carrier_id AND o.assigned_partner_id IS NOT NULL)))
            """, cancellationToken);

    public async Task<CourierPositionDto?> ForOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var row = await db.Database.SqlQuery<PositionRow>($"""
            SELECT p.latitude, p.longitude, p.accuracy_meters, p.recorded_at, p.speed_meters_per_second,
                   CASE WHEN o.assigned_courier_id IS NULL THEN 1
                        ELSE (SELECT count(*)::int FROM orders AS c WHERE c.assigned_courier_id = o.assigned_courier_id AND c.status = 'InTransit') END AS parcels_out
            FROM orders AS o
            JOIN courier_positions AS p ON p.carrier_id = coalesce(o.assigned_courier_id, o.id)
            WHERE o.id = {orderId} AND o.status = 'InTransit'
            """).ToListAsync(cancellationToken);
        return row.Select(r => r.ToDto()).FirstOrDefault();
    }

    private static async Task<CourierReport> ReportAsync(IQueryable<ReportRow> query, CancellationToken cancellationToken)
    {
        var rows = await query.ToListAsync(cancellationToken);
        var kept = rows.FirstOrDefault(r => r.Latitude is not null);
        return new CourierReport(
            rows.Select(r => new CarriedOrder(r.OrderId, r.TrackingCode, r.MerchantId)).ToList(),
            kept is null ? null : new PositionRow
            {
                Latitude = kept.Latitude!.Value,
                Longitude = kept.Longitude!.Value,
                AccuracyMeters = kept.AccuracyMeters!.Value,
                RecordedAt = kept.RecordedAt!.Value,
                SpeedMetersPerSecond = kept.SpeedMetersPerSecond,
                ParcelsOut = kept.ParcelsOut,
            }.ToDto());
    }

    private sealed class ReportRow
    {
        public Guid OrderId { get; init; }
        public string TrackingCode { get; init; } = string.Empty;
        public Guid MerchantId { get; init; }
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
        public double? AccuracyMeters { get; init; }
        public DateTimeOffset? RecordedAt { get; init; }
        public double? SpeedMetersPerSecond { get; init; }
        public int ParcelsOut { get; init; }
    }

    private sealed class PositionRow
    {
        public double Latitude { get; init; }
        public double Longitude { get; init; }
        public double AccuracyMeters { get; init; }
        public DateTimeOffset RecordedAt { get; init; }
        public double? SpeedMetersPerSecond { get; init; }
        public int ParcelsOut { get; init; }

        public CourierPositionDto ToDto() => new()
        {
            Latitude = Latitude,
            Longitude = Longitude,
            Accuracy = AccuracyMeters,
            RecordedAt = RecordedAt,
            SpeedMetersPerSecond = SpeedMetersPerSecond,
            ParcelsOut = ParcelsOut,
        };
    }
}
