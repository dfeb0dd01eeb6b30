using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Events;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Webhooks.Events;

/// <summary>What an order event says the order looked like right after it: its status and who was in charge.</summary>
public sealed record OrderStateAtEvent(OrderStatus Status, Guid? AssignedCourierId, Guid? AssignedPartnerId);

/// <summary>
/// Plans one delivery per enabled endpoint of an active owner that wants an order event: the order's merchant's
/// endpoints, and those of the delivery partner that was in charge of the order when the event happened, if it still
/// is. The event, not the order read at dispatch, says who that partner was and what state the order was in: a late
/// dispatch (a retry, a crashed instance's row swept later) must neither tell a new partner of what happened before
/// its time nor show a later state than the event's. Each body shows the order as that owner sees it through the API.
/// All of an event's deliveries are written by one statement, however many endpoints want it, so planning costs the
/// after-commit path (which also carries the live updates) the same for one endpoint as for many. Running twice for
/// one event plans nothing more (one delivery per event and endpoint).
/// </summary>
public sealed class OrderWebhookPlanner(IWebhookRepository webhooks, IOrderQueries orders, IOptions<WebhookOptions> options, TimeProvider timeProvider)
{
    /// <param name="merchantId">The order's merchant, as the event records it.</param>
    /// <param name="state">The order's status and assignees right after the event, as the event records them.</param>
    public async Task PlanAsync(string eventType, Guid orderId, Guid merchantId, OrderStateAtEvent state, DomainEventContext context, CancellationToken cancellationToken)
    {
        // Most events have no endpoint to go to: ask that first (one indexed query), and read the order only when one wants it.
        List<WebhookOwner> owners = [WebhookOwner.Merchant(merchantId)];
        if (state.AssignedPartnerId is { } partnerId)
        {
            owners.Add(WebhookOwner.Partner(partnerId));
        }

        var subscribed = await webhooks.SubscribedOwnersAsync(eventType, owners, cancellationToken);
        if (subscribed.Count == 0)
        {
            return;
        }

        var order = await orders.FindAsync(orderId, cancellationToken);
        if (order is null)
        {
            return;
        }

        // The partner hears of the event only if it still has the order.
        subscribed = subscribed.Where(owner => owner.Type != ActorType.Partner || owner.Id == order.AssignedPartnerId).ToList();
        if (subscribed.Count == 0)
        {
            return;
        }

        var asOfEvent = order.AsOf(state.Status, state.AssignedCourierId, state.AssignedPartnerId, context.OccurredAt);
        var bodies = subscribed
            .Select(owner => new WebhookPlannedBody(owner, new WebhookPayload(context.EventId, eventType, context.OccurredAt, asOfEvent.ToDto(owner.AsReceiver(), context.OccurredAt)).ToJson()))
            .ToList();
        var now = timeProvider.GetUtcNow();
        await webhooks.PlanAsync(
            new WebhookPlan(context.EventId, eventType, order.Id, context.OccurredAt, bodies, now, now + options.Value.RetrySchedule.Window),
            cancellationToken);
    }
}
