using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Events;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Webhooks.Events;

/// <summary>
/// Plans one delivery per enabled endpoint that wants an order event: the order's merchant's endpoints, and those of
/// the delivery partner the order is assigned to now. Each body shows the order as that owner sees it through the
/// API. Running twice for one event plans nothing more (one delivery per event and endpoint).
/// </summary>
public sealed class OrderWebhookPlanner(IWebhookRepository webhooks, IOrderRepository orders, IOptions<WebhookOptions> options, TimeProvider timeProvider)
{
    public async Task PlanAsync(string eventType, Guid orderId, DomainEventContext context, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(orderId, cancellationToken);
        if (order is null)
        {
            return;
        }

        List<WebhookOwner> owners = [WebhookOwner.Merchant(order.MerchantId)];
        if (order.AssignedPartnerId is { } partnerId)
        {
            owners.Add(WebhookOwner.Partner(partnerId));
        }

        var endpoints = await webhooks.ListSubscribedAsync(eventType, owners, cancellationToken);
        if (endpoints.Count == 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var window = options.Value.RetrySchedule.Window;
        var deliveries = endpoints.Select(endpoint =>
        {
            var body = new WebhookPayload(context.EventId, eventType, context.OccurredAt, order.ToDto(endpoint.Owner.AsReceiver(), context.OccurredAt)).ToJson();
            return WebhookDelivery.Plan(endpoint.Id, context.EventId, eventType, order.Id, context.OccurredAt, body, window, now);
        }).ToList();
        await webhooks.PlanAsync(deliveries, cancellationToken);
    }
}
