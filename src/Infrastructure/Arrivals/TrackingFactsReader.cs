using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.CourierPositions;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Merchants;
using OrderTracking.Domain.Orders;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Arrivals;

/// <summary>The facts of the tracking page beside its status and timeline, for one code in one statement.</summary>
public sealed class TrackingFactsReader(AppDbContext db) : ITrackingFactsReader
{
    public async Task<TrackingFacts?> ReadAsync(string trackingCode, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<FactsRow>($"""
            SELECT o.id AS order_id, o.merchant_id, o.status, o.delivery_address_postal_code AS postal_code,
                   o.delivery_address_latitude AS destination_latitude, o.delivery_address_longitude AS destination_longitude,
                   o.estimated_delivery_at, o.currency, o.total,
                   (SELECT max(h.at) FROM order_history AS h WHERE h.order_id = o.id AND h.kind = 'StatusChange' AND h."to" = 'ReadyForPickup') AS ready_at,
                   (SELECT max(h.at) FROM order_history AS h WHERE h.order_id = o.id AND h.kind = 'StatusChange' AND h."to" = 'InTransit') AS out_for_delivery_at,
                   p.latitude AS courier_latitude, p.longitude AS courier_longitude, p.accuracy_meters AS courier_accuracy,
                   p.recorded_at AS courier_recorded_at, p.speed_meters_per_second AS courier_speed,
                   CASE WHEN p.carrier_id IS NULL THEN 0
                        WHEN o.assigned_courier_id IS NULL THEN 1
                        ELSE (SELECT count(*)::int FROM orders AS c WHERE c.assigned_courier_id = o.assigned_courier_id AND c.status = 'InTransit') END AS parcels_out,
                   s.show_prices, s.redelivery_days, s.redelivery_horizon_days,
                   o.delivery_request_preferred_date AS requested_date, o.delivery_request_requested_at AS requested_at,
                   (SELECT json_agg(json_build_object('name', i.name, 'quantity', i.quantity, 'unitPrice', i.unit_price) ORDER BY i.id)::text
                    FROM order_items AS i WHERE i.order_id = o.id) AS items
            FROM orders AS o
            LEFT JOIN courier_positions AS p ON o.status = 'InTransit' AND p.carrier_id = coalesce(o.assigned_courier_id, o.id)
            LEFT JOIN tracking_page_settings AS s ON s.merchant_id = o.merchant_id
            WHERE o.tracking_code = {trackingCode}
            """).ToListAsync(cancellationToken);
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
        return new TrackingFacts
        {
            OrderId = row.OrderId,
            MerchantId = row.MerchantId,
            Status = Enum.Parse<OrderStatus>(row.Status),
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
        };
    }

    private sealed record ItemRow(string Name, int Quantity, decimal UnitPrice);

    private sealed class FactsRow
    {
        public Guid OrderId { get; init; }
        public Guid MerchantId { get; init; }
        public string Status { get; init; } = string.Empty;
        public string PostalCode { get; init; } = string.Empty;
        public double? DestinationLatitude { get; init; }
        public double? DestinationLongitude { get; init; }
        public DateTimeOffset? EstimatedDeliveryAt { get; init; }
        public string Currency { get; init; } = string.Empty;
        public decimal Total { get; init; }
        public DateTimeOffset? ReadyAt { get; init; }
        public DateTimeOffset? OutForDeliveryAt { get; init; }
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
        public string? Items { get; init; }
    }
}
