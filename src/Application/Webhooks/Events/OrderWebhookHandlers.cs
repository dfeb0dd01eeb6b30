using OrderTracking.Application.Common.Events;
using OrderTracking.Domain.Orders.Events;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Webhooks.Events;

public sealed class OrderCreatedWebhookHandler(OrderWebhookPlanner planner) : IDomainEventHandler<OrderCreated>
{
    public Task HandleAsync(OrderCreated domainEvent, DomainEventContext context, CancellationToken cancellationToken) =>
        planner.PlanAsync(WebhookEventTypes.OrderCreated, domainEvent.OrderId, domainEvent.MerchantId, partnerInCharge: null, context, cancellationToken);
}

public sealed class OrderStatusChangedWebhookHandler(OrderWebhookPlanner planner) : IDomainEventHandler<OrderStatusChanged>
{
    public Task HandleAsync(OrderStatusChanged domainEvent, DomainEventContext context, CancellationToken cancellationToken) =>
        planner.PlanAsync(WebhookEventTypes.OrderStatusChanged, domainEvent.OrderId, domainEvent.MerchantId, domainEvent.AssignedPartnerId, context, cancellationToken);
}

public sealed class OrderAssignedWebhookHandler(OrderWebhookPlanner planner) : IDomainEventHandler<OrderAssigned>
{
    public Task HandleAsync(OrderAssigned domainEvent, DomainEventContext context, CancellationToken cancellationToken) =>
        planner.PlanAsync(WebhookEventTypes.OrderAssigned, domainEvent.OrderId, domainEvent.MerchantId, domainEvent.PartnerId, context, cancellationToken);
}
