using OrderTracking.Application.Common.Events;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Orders.Events;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Webhooks.Events;

public sealed class OrderCreatedWebhookHandler(OrderWebhookPlanner planner) : IDomainEventHandler<OrderCreated>
{
    public Task HandleAsync(OrderCreated domainEvent, DomainEventContext context, CancellationToken cancellationToken) =>
        planner.PlanAsync(WebhookEventTypes.OrderCreated, domainEvent.OrderId, domainEvent.MerchantId, new OrderStateAtEvent(OrderStatus.Pending, null, null), context, cancellationToken);
}

public sealed class OrderStatusChangedWebhookHandler(OrderWebhookPlanner planner) : IDomainEventHandler<OrderStatusChanged>
{
    public Task HandleAsync(OrderStatusChanged domainEvent, DomainEventContext context, CancellationToken cancellationToken) =>
        planner.PlanAsync(
            WebhookEventTypes.OrderStatusChanged,
            domainEvent.OrderId,
            domainEvent.MerchantId,
            new OrderStateAtEvent(domainEvent.To, domainEvent.AssignedCourierId, domainEvent.AssignedPartnerId),
            context,
            cancellationToken);
}

public sealed class OrderAssignedWebhookHandler(OrderWebhookPlanner planner) : IDomainEventHandler<OrderAssigned>
{
    public Task HandleAsync(OrderAssigned domainEvent, DomainEventContext context, CancellationToken cancellationToken) =>
        planner.PlanAsync(
            WebhookEventTypes.OrderAssigned,
            domainEvent.OrderId,
            domainEvent.MerchantId,
            new OrderStateAtEvent(domainEvent.Status, domainEvent.CourierId, domainEvent.PartnerId),
            context,
            cancellationToken);
}
