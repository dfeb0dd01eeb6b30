using OrderTracking.Application.Tracking.Queries.GetTracking;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// The parts of an order's public view that no single event carries: its merchant's current display name and the
/// statuses it reached (history entries that changed the status; assignments and claims name couriers and stay out).
/// </summary>
public interface ITrackingTimelineReader
{
    /// <summary>The timeline up to and including <paramref name="upTo"/>, oldest first; null when the order is gone.</summary>
    Task<TrackingTimeline?> ReadAsync(Guid orderId, DateTimeOffset upTo, CancellationToken cancellationToken);
}

public sealed record TrackingTimeline(string MerchantName, IReadOnlyList<TrackingEventDto> Timeline);
