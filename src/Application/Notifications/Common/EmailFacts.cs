using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Notifications.Common;

/// <summary>The facts of one event an e-mail announces, from the event and the order (or sample data for a preview).</summary>
public sealed record EmailFacts(
    OrderStatus Event,
    DateTimeOffset OccurredAt,
    string TrackingCode,
    DateTimeOffset? EstimatedDeliveryAt,
    DeliveryFailureReason? FailureReason,
    MerchantSender Sender)
{
    /// <summary>What a preview and a test e-mail show: a made-up order of this merchant, changed just now.</summary>
    public static EmailFacts Sample(OrderStatus @event, MerchantSender sender, DateTimeOffset now) =>
        new(@event, now, "OT-7F3K9Q2M4X", now.AddDays(1), @event == OrderStatus.DeliveryFailed ? DeliveryFailureReason.RecipientUnavailable : null, sender);
}
