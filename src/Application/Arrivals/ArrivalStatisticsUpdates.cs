using OrderTracking.Application.Common.Events;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Orders.Events;

namespace OrderTracking.Application.Arrivals;

/// <summary>
/// Counts each finished leg in its merchant's statistics after it commits: going out for delivery ends the wait for the
/// courier (from the last "ready for pickup"), being delivered ends the ride (from the last "out for delivery"). Each
/// leg is grouped by the hour of the week it began in and counted once per event, however often the event is handled.
/// </summary>
public sealed class ArrivalStatisticsUpdates(IArrivalStatistics statistics) : IDomainEventHandler<OrderStatusChanged>
{
    public async Task HandleAsync(OrderStatusChanged domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        var (leg, startedIn) = (domainEvent.From, domainEvent.To) switch
        {
            (OrderStatus.PickedUp, OrderStatus.InTransit) => (DeliveryLeg.ToCourier, OrderStatus.ReadyForPickup),
            (OrderStatus.InTransit, OrderStatus.Delivered) => (DeliveryLeg.ToDoor, OrderStatus.InTransit),
            _ => ((DeliveryLeg?)null, default(OrderStatus)),
        };
        if (leg is not { } finished
            || await statistics.LegStartAsync(domainEvent.OrderId, startedIn, domainEvent.OccurredAt, cancellationToken) is not { } start)
        {
            return;
        }

        await statistics.RecordAsync(
            context.EventId,
            domainEvent.MerchantId,
            finished,
            ArrivalGroup.AreaOf(start.PostalCode),
            ArrivalGroup.HourOfWeekOf(start.Since),
            domainEvent.OccurredAt - start.Since,
            cancellationToken);
    }
}
