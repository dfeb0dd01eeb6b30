namespace OrderTracking.Domain.Orders;

public enum OrderStatus
{
    Pending,
    Confirmed,
    Preparing,
    ReadyForPickup,
    PickedUp,
    InTransit,
    Delivered,
    DeliveryFailed,
    Returned,
    Cancelled,
}
