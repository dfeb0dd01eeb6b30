using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Orders.Events;

namespace OrderTracking.Application.Orders.Notifications;

/// <summary>
/// What changed about one order in one committed unit of work, with enough of its state before and after to
/// tell everyone who could see it before or can see it now.
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
    DateTimeOffset UpdatedAt,
    uint Version)
{
    public bool StatusChanged => PreviousStatus != Status;

    /// <summary>The change of <paramref name="order"/> that <paramref name="events"/> (raised since it was loaded) describe.</summary>
    public static OrderChange From(Order order, IReadOnlyList<IDomainEvent> events)
    {
        var firstStatusChange = events.OfType<OrderStatusChanged>().FirstOrDefault();
        var firstAssignment = events.OfType<OrderAssigned>().FirstOrDefault();
        var created = events.OfType<OrderCreated>().Any();
        return new OrderChange(
            order.Id,
            order.TrackingCode,
            order.MerchantId,
            order.Status,
            created ? null : firstStatusChange?.From ?? order.Status,
            order.AssignedCourierId,
            order.AssignedPartnerId,
            firstAssignment is null ? order.AssignedCourierId : firstAssignment.PreviousCourierId,
            firstAssignment is null ? order.AssignedPartnerId : firstAssignment.PreviousPartnerId,
            order.UpdatedAt,
            order.Version);
    }
}
