using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
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

    public async Task<IReadOnlyList<WebhookEndpoint>> ListSubscribedAsync(string eventType, IReadOnlyList<WebhookOwner> owners, CancellationToken cancellationToken)
    {
        var ownerIds = owners.Select(o => o.Id).ToList();
        var candidates = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.IsEnabled && ownerIds.Contains(e.OwnerId))
            .ToListAsync(cancellationToken);
        return candidates.Where(e => owners.Contains(e.Owner) && e.Wants(eventType)).ToList();
    }

    public void AddEndpoint(WebhookEndpoint endpoint) => db.WebhookEndpoints.Add(endpoint);

    public Task<WebhookDelivery?> FindDeliveryAsync(Guid endpointId, Guid deliveryId, CancellationToken cancellationToken) =>
        db.WebhookDeliveries.FirstOrDefaultAsync(d => d.EndpointId == endpointId && d.Id == deliveryId, cancellationToken);

    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid endpointId, int limit, CancellationToken cancellationToken) =>
        await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.EndpointId == endpointId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);

    public async Task PlanAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        foreach (var d in deliveries)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, order_id, occurred_at, payload, status, attempt_count, next_attempt_at, retry_until, created_at)
                VALUES ({d.Id}, {d.EndpointId}, {d.EventId}, {d.EventType}, {d.OrderId}, {d.OccurredAt}, {d.Payload}, {d.Status.ToString()}, {d.AttemptCount}, {d.NextAttemptAt}, {d.RetryUntil}, {d.CreatedAt})
                ON CONFLICT (endpoint_id, event_id) DO NOTHING
                """,
                cancellationToken);
        }

        signal.Wake();
    }

    public void WakeDeliveryWorker() => signal.Wake();
}
