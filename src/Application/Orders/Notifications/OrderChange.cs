using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Orders.Events;

namespace OrderTracking.Application.Orders.Notifications;

/// <summary>
/// What one committed domain event changed about an order, with enough of its state before and after to tell
/// everyone who could see it before or can see it now. Built from the event alone: nothing is read again.
/// </summary>
public sealed record OrderChange(
    Guid OrderId,
    string TrackingCode,
    Guid MerchantId,
    OrderStatus Status,
    OrderStatus? PreviousStatus,
    Guid? AssignedCourierId,
    Guid? AssignedPartnerId,
    Guid? PreviousCourierId,
    Guid? PreviousPartnerId,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Whether the order moved from one status to another (its creation is not a move).</summary>
    public bool StatusChanged => PreviousStatus is { } previous && previous != Status;

    /// <summary>What decides who sees the order now.</summary>
    public OrderStanding Now => new(MerchantId, Status, AssignedCourierId, AssignedPartnerId);

    /// <summary>What decided who saw it before the change; none for a new order.</summary>
    public OrderStanding? Before => PreviousStatus is { } previous ? new(MerchantId, previous, PreviousCourierId, PreviousPartnerId) : null;

    public static OrderChange Of(OrderCreated created) => new(
        created.OrderId, created.TrackingCode, created.MerchantId, OrderStatus.Pending, null, null, null, null, null, created.OccurredAt);

    public static OrderChange Of(OrderStatusChanged moved) => new(
        moved.OrderId, moved.TrackingCode, moved.MerchantId, moved.To, moved.From,
        moved.AssignedCourierId, moved.AssignedPartnerId, moved.AssignedCourierId, moved.AssignedPartnerId, moved.OccurredAt);

    public static OrderChange Of(OrderAssigned assigned) => new(
        assigned.OrderId, assigned.TrackingCode, assigned.MerchantId, assigned.Status, assigned.Status,
        assigned.CourierId, assigned.PartnerId, assigned.PreviousCourierId, assigned.PreviousPartnerId, assigned.OccurredAt);
}
