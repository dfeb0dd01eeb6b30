using OrderTracking.Application.CourierPositions;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Merchants;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>What the tracking page shows beside the status and timeline, read for one code in one statement.</summary>
public interface ITrackingFactsReader
{
    Task<TrackingFacts?> ReadAsync(string trackingCode, CancellationToken cancellationToken);
}

/// <summary>
/// The facts behind the tracking page's item summary, arrival window, map and redelivery choice. Some are personal
/// (the destination, the prices): <see cref="Tracking.TrackingDetails"/> decides what of them the public sees.
/// </summary>
public sealed record TrackingFacts
{
    public required Guid OrderId { get; init; }
    public required Guid MerchantId { get; init; }
    public required OrderStatus Status { get; init; }
    public required string PostalCode { get; init; }
    public GeoPoint? Destination { get; init; }
    public DateTimeOffset? MerchantEstimate { get; init; }
    public DateTimeOffset? ReadyAt { get; init; }
    public DateTimeOffset? OutForDeliveryAt { get; init; }
    public CourierPositionDto? Courier { get; init; }
    public required IReadOnlyList<(string Name, int Quantity, decimal UnitPrice)> Items { get; init; }
    public required string Currency { get; init; }
    public required decimal Total { get; init; }
    public required TrackingPageSettings Settings { get; init; }
    public DateOnly? RequestedDate { get; init; }
    public DateTimeOffset? RequestedAt { get; init; }
}
