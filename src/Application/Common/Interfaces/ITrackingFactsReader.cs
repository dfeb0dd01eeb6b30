using OrderTracking.Application.Arrivals;
using OrderTracking.Application.CourierPositions;
using OrderTracking.Application.Tracking.Queries.GetTracking;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Merchants;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>The tracking page of one code, its public view and the facts beside it, read in one statement.</summary>
public interface ITrackingFactsReader
{
    Task<TrackingFacts?> ReadAsync(string trackingCode, CancellationToken cancellationToken);
}

/// <summary>
/// The public view (status, sender, timeline: nothing personal, <see cref="PublicTrackingView"/>) and the facts behind
/// the tracking page's item summary, arrival window, map and redelivery choice. Some facts are personal (the
/// destination, the prices): <see cref="Tracking.TrackingDetails"/> decides what of them the public sees.
/// </summary>
public sealed record TrackingFacts
{
    public required TrackingDto View { get; init; }
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

    /// <summary>The merchant's rows of both legs for the order's area and the hours its legs began, and their coarser groups.</summary>
    public required ArrivalHistograms Histograms { get; init; }
}
