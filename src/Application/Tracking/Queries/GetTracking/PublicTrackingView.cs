using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Tracking.Queries.GetTracking;

/// <summary>Builds the customer-facing view of an order; the single place that decides what the public may see.</summary>
public static class PublicTrackingView
{
    public static TrackingDto Of(Order order, string merchantName) => new(
        order.TrackingCode,
        order.Status,
        merchantName,
        order.CreatedAt,
        order.EstimatedDeliveryAt,
        order.History
            .Where(h => h.From != h.To) // assignments and claims name couriers: not for the public
            .OrderBy(h => h.At)
            .Select(h => new TrackingEventDto(h.To, h.At, FailureReason(h)))
            .ToList());

    private static DeliveryFailureReason? FailureReason(OrderHistoryEntry entry) =>
        entry.To == OrderStatus.DeliveryFailed && Enum.TryParse<DeliveryFailureReason>(entry.Reason, ignoreCase: false, out var reason)
            ? reason
            : null;
}
