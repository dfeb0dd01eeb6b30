using OrderTracking.Application.Common.Events;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Tracking.Queries.GetTracking;
using OrderTracking.Domain.Orders.Events;

namespace OrderTracking.Application.Orders.Notifications;

/// <summary>
/// Turns committed order events into live messages: <c>orderChanged</c> for everyone who could see the order before
/// or can see it now (<see cref="OrderAudience"/>), and the public view for followers of its tracking code when its
/// status moved. The message is built from the event; only the public timeline and the merchant's name, which no
/// event carries, are read, in one query, and only when someone may follow the code.
/// </summary>
public sealed class LiveOrderUpdates(IOrderNotifier notifier, ITrackingTimelineReader timelines) :
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
        var audiences = await AnnounceAsync(OrderChange.Of(domainEvent), cancellationToken);
        if (!audiences.OfType<OrderAudience.Tracking>().Any())
        {
            return;
        }

        // Read up to this event only, so a later change already committed does not show beside this status.
        if (await timelines.ReadAsync(domainEvent.OrderId, domainEvent.OccurredAt, cancellationToken) is not { } timeline)
        {
            return;
        }

        await notifier.TrackingChangedAsync(
            new TrackingDto(domainEvent.TrackingCode, domainEvent.To, timeline.MerchantName, domainEvent.OrderCreatedAt, domainEvent.EstimatedDeliveryAt, timeline.Timeline),
            cancellationToken);
    }

    private async Task<IReadOnlyList<OrderAudience>> AnnounceAsync(OrderChange change, CancellationToken cancellationToken)
    {
        var audiences = OrderAudience.For(change);
        await notifier.OrderChangedAsync(change, audiences.Where(a => a is not OrderAudience.Tracking).ToList(), cancellationToken);
        return audiences;
    }
}
