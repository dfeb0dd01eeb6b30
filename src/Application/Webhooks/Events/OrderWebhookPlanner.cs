using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Events;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Webhooks.Events;

/// <summary>
/// Plans one delivery per enabled endpoint that wants an order event: the order's merchant's endpoints, and those of
/// the delivery partner that was in charge of the order when the event happened, if it still is. The event, not the
/// order read at dispatch, says who that partner was: a late dispatch (a retry, a crashed instance's row swept later)
/// of an order reassigned since must not tell the new partner of what happened before its time, nor hand it the
/// previous partner's assignment as its own. Each body shows the order as that owner sees it through the API.
/// Running twice for one event plans nothing more (one delivery per event and endpoint).
/// </summary>
public sealed class OrderWebhookPlanner(IWebhookRepository webhooks, IOrderRepository orders, IOptions<WebhookOptions> options, TimeProvider timeProvider)
{
    /// <param name="merchantId">The order's merchant, as the event records it.</param>
    /// <param name="partnerInCharge">The partner the order was assigned to when the event happened, as the event records it.</param>
    public async Task PlanAsync(string eventType, Guid orderId, Guid merchantId, Guid? partnerInCharge, DomainEventContext context, CancellationToken cancellationToken)
    {
        // Most events have no endpoint to go to: ask that first (one indexed query), and read the order only when one wants it.
        List<WebhookOwner> owners = [WebhookOwner.Merchant(merchantId)];
        if (partnerInCharge is { } partnerId)
        {
            owners.Add(WebhookOwner.Partner(partnerId));
        }

        var endpoints = await webhooks.ListSubscribedAsync(eventType, owners, cancellationToken);
        if (endpoints.Count == 0)
        {
            return;
        }

        var order = await orders.FindAsync(orderId, cancellationToken);
        if (order is null)
        {
            return;
        }

        // The partner hears of the event only if it still has the order.
        endpoints = endpoints.Where(e => e.Owner.Type != ActorType.Partner || e.Owner.Id == order.AssignedPartnerId).ToList();
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
