using OrderTracking.Application.Common.Events;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Orders.Events;

namespace OrderTracking.Application.Orders.Notifications;

/// <summary>Tells the merchant, the admins and the courier in charge that the customer sent instructions or chose a day, so their order pages show it.</summary>
public sealed class DeliveryRequestUpdates(IOrderNotifier notifier) : IDomainEventHandler<DeliveryRequested>, ILiveUpdateHandler
{
    public Task HandleAsync(DeliveryRequested domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        var change = new OrderChange(
            domainEvent.OrderId, domainEvent.TrackingCode, domainEvent.MerchantId, domainEvent.Status, domainEvent.Status,
            domainEvent.AssignedCourierId, domainEvent.AssignedPartnerId, domainEvent.AssignedCourierId, domainEvent.AssignedPartnerId, domainEvent.OccurredAt);
        return notifier.OrderChangedAsync(change, LiveAudiences.For(change), cancellationToken);
    }
}
