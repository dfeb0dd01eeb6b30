using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Webhooks;
using OrderTracking.Infrastructure.Webhooks;

namespace OrderTracking.Infrastructure.Persistence.Repositories;

public sealed class WebhookRepository(AppDbContext db, WebhookDeliverySignal signal) : IWebhookRepository
{
    public Task<WebhookEndpoint?> FindEndpointAsync(Guid id, CancellationToken cancellationToken) =>
        db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    public async Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(WebhookOwner owner, CancellationToken cancellationToken) =>
        await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.OwnerType == owner.Type && e.OwnerId == owner.Id)
            .OrderBy(e => e.CreatedAt)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<int>> TakenSlotsAsync(WebhookOwner owner, CancellationToken cancellationToken) =>
        await db.WebhookEndpoints
            .Where(e => e.OwnerType == owner.Type && e.OwnerId == owner.Id)
            .Select(e => e.Slot)
            .ToListAsync(cancellationToken);

    public void AddEndpoint(WebhookEndpoint endpoint) => db.WebhookEndpoints.Add(endpoint);

    public void RemoveEndpoint(WebhookEndpoint endpoint) => db.WebhookEndpoints.Remove(endpoint);

    public async Task DisableAllAsync(WebhookOwner owner, WebhookDisabledReason reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var endpoints = await db.WebhookEndpoints.Where(e => e.OwnerType == owner.Type && e.OwnerId == owner.Id && e.IsEnabled).ToListAsync(cancellationToken);
        endpoints.ForEach(endpoint => endpoint.Disable(reason, now));
    }

    public async Task<IReadOnlyList<WebhookOwner>> SubscribedOwnersAsync(string eventType, IReadOnlyList<WebhookOwner> owners, CancellationToken cancellationToken)
    {
        var (types, ids) = (owners.Select(o => o.Type.ToString()).ToArray(), owners.Select(o => o.Id).ToArray());
        var subscribed = await db.Database.SqlQuery<SubscribedOwner>(
            $"""
            SELECT DISTINCT e.owner_type, e.owner_id
            FROM unnest({types}::text[], {ids}::uuid[]) AS o(owner_type, owner_id)
            JOIN webhook_endpoints e ON e.owner_type = o.owner_type AND e.owner_id = o.owner_id
            WHERE e.is_enabled AND {eventType} = ANY (e.events) AND webhook_owner_is_active(e.owner_type, e.owner_id)
            """).ToListAsync(cancellationToken);
        return subscribed.Select(s => new WebhookOwner(Enum.Parse<ActorType>(s.OwnerType), s.OwnerId)).ToList();
    }

    public async Task PlanAsync(WebhookPlan plan, CancellationToken cancellationToken)
    {
        var types = plan.Bodies.Select(b => b.Owner.Type.ToString()).ToArray();
        var ids = plan.Bodies.Select(b => b.Owner.Id).ToArray();
        var payloads = plan.Bodies.Select(b => b.Payload).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, order_id, occurred_at, payload, status, attempt_count, next_attempt_at, retry_until, created_at)
            SELECT gen_random_uuid(), e.id, {plan.EventId}, {plan.EventType}, {plan.OrderId}, {plan.OccurredAt}, o.payload, 'Pending', 0, {plan.PlannedAt}, {plan.RetryUntil}, {plan.PlannedAt}
            FROM unnest({types}::text[], {ids}::uuid[], {payloads}::text[]) AS o(owner_type, owner_id, payload)
            JOIN webhook_endpoints e ON e.owner_type = o.owner_type AND e.owner_id = o.owner_id
            WHERE e.is_enabled AND {plan.EventType} = ANY (e.events) AND webhook_owner_is_active(e.owner_type, e.owner_id)
            ON CONFLICT (endpoint_id, event_id) DO NOTHING
            """,
            cancellationToken);
        signal.Wake();
    }

    public void AddDelivery(WebhookDelivery delivery) => db.WebhookDeliveries.Add(delivery);

    public Task<WebhookDelivery?> FindDeliveryAsync(Guid endpointId, Guid deliveryId, CancellationToken cancellationToken) =>
        db.WebhookDeliveries.FirstOrDefaultAsync(d => d.EndpointId == endpointId && d.Id == deliveryId, cancellationToken);

    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid endpointId, int limit, CancellationToken cancellationToken) =>
        await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.EndpointId == endpointId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<WebhookAttempt>> ListAttemptsAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        await db.WebhookAttempts.AsNoTracking()
            .Where(a => a.DeliveryId == deliveryId)
            .OrderByDescending(a => a.AttemptedAt).ThenByDescending(a => a.Id)
            .ToListAsync(cancellationToken);

    public void WakeDeliveryWorker() => signal.Wake();

    private sealed record SubscribedOwner(string OwnerType, Guid OwnerId);
}
