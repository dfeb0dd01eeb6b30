using OrderTracking.Application.Common.Events;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Tracking;
using OrderTracking.Application.Tracking.Queries.GetTracking;
using OrderTracking.Domain.Orders.Events;

namespace OrderTracking.Application.Orders.Notifications;

/// <summary>
/// Turns committed order events into live messages: <c>orderChanged</c> for everyone who could see the order before
/// or can see it now (<see cref="LiveAudiences"/>), and the public view for followers of its tracking code when its
/// status moved. The message is built from the event; only the public view's timeline and sender, which no event
/// carries, are read, with the public page's own statement, and only when someone may follow the code.
/// </summary>
public sealed class LiveOrderUpdates(IOrderNotifier notifier, ITrackingFactsReader tracking, TrackingDetails details) :
    ILiveUpdateHandler,
    IDomainEventHandler<OrderCreated>,
    IDomainEventHandler<OrderStatusChanged>,
    IDomainEventHandler<OrderAssigned>
{
    public Task HandleAsync(OrderCreated domainEvent, DomainEventContext context, CancellationToken cancellationToken) =>
        AnnounceAsync(OrderChange.Of(domainEvent), cancellationToken);

    public Task HandleAsync(OrderAssigned domainEvent, DomainEventContext context, CancellationToken cancellationToken) =>
        AnnounceAsync(OrderChange.Of(domainEvent), cancellationToken);

    public async Task HandleAsync(OrderStatusChanged domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        var change = OrderChange.Of(domainEvent);
        await AnnounceAsync(change, cancellationToken);
        if (!change.StatusChanged)
        {
            return;
        }

        if (await tracking.ReadAsync(domainEvent.TrackingCode, cancellationToken) is not { } facts)
        {
            return;
        }

        // The view as of this event, so a later change already committed does not show beside this status; its arrival
        // window, map and redelivery choice follow that status.
        var asOfEvent = facts.View with
        {
            Status = domainEvent.To,
            EstimatedDeliveryAt = domainEvent.EstimatedDeliveryAt,
            Timeline = facts.View.Timeline.Where(step => step.At <= domainEvent.OccurredAt).ToList(),
        };
        await notifier.TrackingChangedAsync(details.Complete(asOfEvent, facts), cancellationToken);
    }

    private Task AnnounceAsync(OrderChange change, CancellationToken cancellationToken) =>
        notifier.OrderChangedAsync(change, LiveAudiences.For(change), cancellationToken);
}
