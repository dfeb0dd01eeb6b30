using OrderTracking.Application.Common.Events;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Orders.Events;

namespace OrderTracking.Application.CourierPositions.Events;

/// <summary>
/// After an order stops being out for delivery (delivered, failed), forgets its courier's position unless the courier
/// still has another order out. Safe against a report racing the status change: a report holds the courier's orders
/// out for delivery while it writes, so it either commits before the change (and is forgotten here) or sees the change.
/// </summary>
public sealed class ForgetCourierPosition(ICourierPositions positions) : IDomainEventHandler<OrderStatusChanged>
{
    public Task HandleAsync(OrderStatusChanged domainEvent, DomainEventContext context, CancellationToken cancellationToken) =>
        domainEvent.From == OrderStatus.InTransit && domainEvent.To != OrderStatus.InTransit
            ? positions.ForgetUnlessOutForDeliveryAsync(domainEvent.AssignedCourierId, domainEvent.OrderId, cancellationToken)
            : Task.CompletedTask;
}
