using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Tracking;

/// <summary>
/// What a customer calls each status and each failed attempt: the server's one copy of the tracking page's words
/// (<c>client/src/features/tracking/utils/customer-wording.ts</c>; a test holds the two equal), used by the e-mails
/// customers get. The internal status names never reach a customer.
/// </summary>
public static class CustomerWording
{
    public static IReadOnlyDictionary<OrderStatus, string> StatusLabels { get; } = new Dictionary<OrderStatus, string>
    {
        [OrderStatus.Pending] = "Order received",
        [OrderStatus.Confirmed] = "Order confirmed",
        [OrderStatus.Preparing] = "Being prepared",
        [OrderStatus.ReadyForPickup] = "Ready for the courier",
        [OrderStatus.PickedUp] = "With the courier",
        [OrderStatus.InTransit] = "Out for delivery",
        [OrderStatus.Delivered] = "Delivered",
        [OrderStatus.DeliveryFailed] = "Delivery attempt failed",
        [OrderStatus.Returned] = "Returned to the sender",
        [OrderStatus.Cancelled] = "Cancelled",
    };

    public static IReadOnlyDictionary<DeliveryFailureReason, string> FailureReasons { get; } = new Dictionary<DeliveryFailureReason, string>
    {
        [DeliveryFailureReason.RecipientUnavailable] = "Nobody was available to receive the parcel.",
        [DeliveryFailureReason.AddressNotFound] = "The courier could not find the address.",
        [DeliveryFailureReason.RefusedByRecipient] = "The parcel was refused at the door.",
        [DeliveryFailureReason.Damaged] = "The parcel was damaged on the way.",
        [DeliveryFailureReason.Other] = "The courier could not complete the delivery.",
    };

    public static string Label(OrderStatus status) => StatusLabels[status];

    public static string ContactHint(string? businessName) =>
        string.IsNullOrWhiteSpace(businessName) ? "Contact the sender if you have questions." : $"Contact {businessName} if you have questions.";
}
