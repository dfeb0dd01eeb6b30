using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Arrivals;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.CourierPositions;
using OrderTracking.Application.Tracking.Queries.GetTracking;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Merchants;
using OrderTracking.Domain.Orders;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Arrivals;

/// <summary>
/// The tracking page for one code in one statement: the public view (sender with the brand of its e-mail settings,
/// timeline, a delivered order's proof) and the facts beside it, including the merchant's arrival histograms for the
/// order's area and the hours its legs began. The public page is a hot read: one round trip, as bench/README.md's
/// table says.
/// </summary>
public sealed class TrackingFactsReader(AppDbContext db) : ITrackingFactsReader
{
    private static readonly string AreaOfDeliveryAddress = string.Format(CultureInfo.InvariantCulture, ArrivalGroup.AreaSql, "o.delivery_address_postal_code");

    /// <summary>
    /// The statement, with <c>{0}</c> for the code. The timeline is what <see cref="PublicTrackingView.ShownKind"/> lets
    /// through (status changes), its instants written in UTC; the histograms are those <see cref="ArrivalHistograms"/>
    /// needs (area and any area, each leg's hour and any hour), none while the order has begun no leg.
    /// </summary>
    private static readonly string Statement = $"""
        SELECT o.id AS order_id, o.merchant_id, o.tracking_code, o.status, o.created_at,
               coalesce(u.display_name, '') AS merchant_name, m.business_name, m.contact_phone, m.contact_email,
               n.logo_url, n.accent_colour,
               o.delivery_address_postal_code AS postal_code,
               o.delivery_address_latitude AS destination_latitude, o.delivery_address_longitude AS destination_longitude,
               o.estimated_delivery_at, o.currency, o.total, legs.ready_at, legs.out_for_delivery_at,
               (SELECT json_agg(json_build_object('status', h."to", 'at', to_char(h.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'reason', h.reason) ORDER BY h.at, h.id)::text
                FROM order_history AS h WHERE h.order_id = o.id AND h.kind = '{PublicTrackingView.ShownKind}') AS timeline,
               p.latitude AS courier_latitude, p.longitude AS courier_longitude, p.accuracy_meters AS courier_accuracy,
               p.recorded_at AS courier_recorded_at, p.speed_meters_per_second AS courier_speed,
               CASE WHEN p.carrier_id IS NULL THEN 0
                    WHEN o.assigned_courier_id IS NULL THEN 1
                    ELSE (SELECT count(*)::int FROM orders AS c WHERE c.assigned_courier_id = o.assigned_courier_id AND c.status = 'InTransit') END AS parcels_out,
               s.show_prices, s.redelivery_days, s.redelivery_horizon_days,
               o.delivery_request_preferred_date AS requested_date, o.delivery_request_requested_at AS requested_at,
               d.recipient_name, d.recipient_signed, (d.photo_key IS NOT NULL AND coalesce(pp.show_photo_on_tracking, false)) AS photo_shown,
               (SELECT json_agg(json_build_object('name', i.name, 'quantity', i.quantity, 'unitPrice', i.unit_price) ORDER BY i.id)::text
                FROM order_items AS i WHERE i.order_id = o.id) AS items,
               (SELECT json_agg(json_build_object('leg', a.leg, 'area', a.area, 'hourOfWeek', a.hour_of_week, 'counts', a.counts))::text
                FROM arrival_histograms AS a
                WHERE (legs.ready_at IS NOT NULL OR legs.out_for_delivery_at IS NOT NULL)
                  AND a.merchant_id = o.merchant_id AND a.area IN ({AreaOfDeliveryAddress}, '')
                  AND a.hour_of_week IN ({ArrivalGroup.AnyHour.ToString(CultureInfo.InvariantCulture)}, {HourOfWeek("legs.ready_at")}, {HourOfWeek("legs.out_for_delivery_at")})) AS histograms
        FROM orders AS o
        CROSS JOIN LATERAL (
            SELECT max(h.at) FILTER (WHERE h."to" = 'ReadyForPickup') AS ready_at, max(h.at) FILTER (WHERE h."to" = 'InTransit') AS out_for_delivery_at
            FROM order_history AS h WHERE h.order_id = o.id AND h.kind = 'StatusChange') AS legs
        LEFT JOIN users AS u ON u.id = o.merchant_id
        LEFT JOIN merchant_profiles AS m ON m.merchant_id = o.merchant_id
        LEFT JOIN notification_settings AS n ON n.merchant_id = o.merchant_id
        LEFT JOIN courier_positions AS p ON o.status = 'InTransit' AND p.carrier_id = coalesce(o.assigned_courier_id, o.id)
        LEFT JOIN tracking_page_settings AS s ON s.merchant_id = o.merchant_id
        LEFT JOIN LATERAL (
            SELECT dp.recipient_name, dp.recipient_signed, dp.photo_key FROM delivery_proofs AS dp
            WHERE o.status = 'Delivered' AND dp.order_id = o.id ORDER BY dp.recorded_at DESC LIMIT 1) AS d ON true
        LEFT JOIN proof_of_delivery_policies AS pp ON pp.merchant_id = o.merchant_id
        WHERE o.tracking_code = {"{0}"}
        """;

    /// <summary><see cref="ArrivalGroup.HourOfWeekOf"/> in PostgreSQL.</summary>
    private static string HourOfWeek(string instant) =>
        $"((extract(isodow FROM {instant} AT TIME ZONE 'UTC')::int - 1) * 24 + extract(hour FROM {instant} AT TIME ZONE 'UTC')::int)";

    public async Task<TrackingFacts?> ReadAsync(string trackingCode, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<FactsRow>(Statement, trackingCode).ToListAsync(cancellationToken);
        if (rows is not [var row])
        {
            return null;
        }

        var settings = TrackingPageSettings.Default(row.MerchantId);
        if (row.ShowPrices is { } showPrices)
        {
            settings.Change(showPrices, (RedeliveryDays)row.RedeliveryDays!.Value, row.RedeliveryHorizonDays!.Value, DateTimeOffset.MinValue);
        }

        var items = JsonSerializer.Deserialize<List<ItemRow>>(row.Items ?? "[]", JsonSerializerOptions.Web) ?? [];
        var timeline = JsonSerializer.Deserialize<List<EntryRow>>(row.Timeline ?? "[]", JsonSerializerOptions.Web) ?? [];
        var histograms = JsonSerializer.Deserialize<List<HistogramRow>>(row.Histograms ?? "[]", JsonSerializerOptions.Web) ?? [];
        var status = Enum.Parse<OrderStatus>(row.Status);
        return new TrackingFacts
        {
            View = new TrackingDto(
                row.TrackingCode,
                status,
                row.MerchantName,
                new SenderDto
                {
                    BusinessName = row.BusinessName ?? row.MerchantName,
                    Phone = row.ContactPhone,
                    Email = row.ContactEmail,
                    LogoUrl = row.LogoUrl,
                    AccentColour = row.AccentColour,
                },
                row.CreatedAt,
                row.EstimatedDeliveryAt,
                timeline.Select(e => e.ToEvent()).ToList())
            {
                Delivery = row.RecipientSigned is { } signed
                    ? new DeliveryConfirmationDto { RecipientName = PublicTrackingView.RecipientName(row.RecipientName), RecipientSigned = signed, HasPhoto = row.PhotoShown }
                    : null,
            },
            OrderId = row.OrderId,
            MerchantId = row.MerchantId,
            Status = status,
            PostalCode = row.PostalCode,
            Destination = row is { DestinationLatitude: { } lat, DestinationLongitude: { } lon } ? new GeoPoint(lat, lon) : null,
            MerchantEstimate = row.EstimatedDeliveryAt,
            ReadyAt = row.ReadyAt,
            OutForDeliveryAt = row.OutForDeliveryAt,
            Courier = row is { CourierLatitude: { } clat, CourierLongitude: { } clon, CourierAccuracy: { } accuracy, CourierRecordedAt: { } recordedAt }
                ? new CourierPositionDto { Latitude = clat, Longitude = clon, Accuracy = accuracy, RecordedAt = recordedAt, SpeedMetersPerSecond = row.CourierSpeed, ParcelsOut = row.ParcelsOut }
                : null,
            Items = items.Select(i => (i.Name, i.Quantity, i.UnitPrice)).ToList(),
            Currency = row.Currency,
            Total = row.Total,
            Settings = settings,
            RequestedDate = row.RequestedDate,
            RequestedAt = row.RequestedAt,
            Histograms = new ArrivalHistograms(histograms.Select(h => new ArrivalHistogramRow((DeliveryLeg)h.Leg, new ArrivalGroup(h.Area, h.HourOfWeek), DurationHistogram.From(h.Counts)))),
        };
    }

    private sealed record ItemRow(string Name, int Quantity, decimal UnitPrice);

    private sealed record EntryRow(string Status, DateTimeOffset At, string? Reason)
    {
        public TrackingEventDto ToEvent()
        {
            var to = Enum.Parse<OrderStatus>(Status);
            return new TrackingEventDto(to, At, PublicTrackingView.FailureReasonOf(to, Reason));
        }
    }

    private sealed record HistogramRow(int Leg, string Area, int HourOfWeek, long[] Counts);

    private sealed class FactsRow
    {
        public Guid OrderId { get; init; }
        public Guid MerchantId { get; init; }
        public string TrackingCode { get; init; } = string.Empty;
        public string Status { get; init; } = string.Empty;
        public DateTimeOffset CreatedAt { get; init; }
        public string MerchantName { get; init; } = string.Empty;
        public string? BusinessName { get; init; }
        public string? ContactPhone { get; init; }
        public string? ContactEmail { get; init; }
        public string? LogoUrl { get; init; }
        public string? AccentColour { get; init; }
        public string PostalCode { get; init; } = string.Empty;
        public double? DestinationLatitude { get; init; }
        public double? DestinationLongitude { get; init; }
        public DateTimeOffset? EstimatedDeliveryAt { get; init; }
        public string Currency { get; init; } = string.Empty;
        public decimal Total { get; init; }
        public DateTimeOffset? ReadyAt { get; init; }
        public DateTimeOffset? OutForDeliveryAt { get; init; }
        public string? Timeline { get; init; }
        public double? CourierLatitude { get; init; }
        public double? CourierLongitude { get; init; }
        public double? CourierAccuracy { get; init; }
        public DateTimeOffset? CourierRecordedAt { get; init; }
        public double? CourierSpeed { get; init; }
        public int ParcelsOut { get; init; }
        public bool? ShowPrices { get; init; }
        public int? RedeliveryDays { get; init; }
        public int? RedeliveryHorizonDays { get; init; }
        public DateOnly? RequestedDate { get; init; }
        public DateTimeOffset? RequestedAt { get; init; }
        public string? RecipientName { get; init; }
        public bool? RecipientSigned { get; init; }
        public bool PhotoShown { get; init; }
        public string? Items { get; init; }
        public string? Histograms { get; init; }
    }
}
