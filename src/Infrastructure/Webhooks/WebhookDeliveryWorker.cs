using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Webhooks;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Webhooks;

/// <summary>
/// Sends due deliveries. Each round claims a batch with <c>FOR UPDATE SKIP LOCKED</c> and pushes their next attempt
/// past a lease in the same statement, so N instances never send one delivery at once and a crashed instance's
/// claim is retried when the lease ends. A delivery is only due when no earlier event of the same order can still
/// come before it: no earlier delivery of that order to the same endpoint is pending, and no earlier outbox event of
/// that order is still waiting to be dispatched (its handlers failed and will be retried, so its deliveries are not
/// planned yet). One order's events reach an endpoint in order; an event whose dispatch is finally given up holds up
/// nothing.
/// </summary>
public sealed partial class WebhookDeliveryWorker(
    IServiceScopeFactory scopes,
    WebhookDeliverySignal signal,
    WebhookSender sender,
    WebhookDeliveryMetrics metrics,
    IOptions<WebhookOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(logger, ex);
            }

            if (claimed < BatchSize)
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollIntervalSeconds), stoppingToken);
            }
        }
    }

    private async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = timeProvider.GetUtcNow();
        var leaseUntil = now + TimeSpan.FromSeconds(options.Value.TimeoutSeconds * 3 + 5);
        var ids = await db.Database.SqlQuery<Guid>(
            $"""
            UPDATE webhook_deliveries SET next_attempt_at = {leaseUntil}, attempt_count = attempt_count + 1
            WHERE id IN (
                SELECT d.id FROM webhook_deliveries d
                JOIN webhook_endpoints e ON e.id = d.endpoint_id
                WHERE d.status = 'Pending' AND d.next_attempt_at <= {now} AND e.is_enabled
                  AND NOT EXISTS (
                      SELECT 1 FROM webhook_deliveries earlier
                      WHERE earlier.endpoint_id = d.endpoint_id AND earlier.order_id = d.order_id AND earlier.status = 'Pending'
                        AND (earlier.occurred_at, earlier.sequence) < (d.occurred_at, d.sequence))
                  AND NOT EXISTS (
                      SELECT 1 FROM outbox_messages undispatched
                      WHERE undispatched.aggregate_id = d.order_id
                        AND undispatched.dispatched_at IS NULL AND undispatched.failed_at IS NULL
                        AND (undispatched.occurred_at, undispatched.id) < (d.occurred_at, d.event_id))
                ORDER BY d.next_attempt_at
                LIMIT {BatchSize}
                FOR UPDATE OF d SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var deliveries = await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
        var endpointIds = deliveries.Select(d => d.EndpointId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => endpointIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var results = await Task.WhenAll(deliveries.Select(d => sender.SendAsync(endpoints[d.EndpointId], d, cancellationToken)));

        var schedule = options.Value.RetrySchedule;
        var finished = timeProvider.GetUtcNow();
        foreach (var (delivery, result) in deliveries.Zip(results))
        {
            if (result.Succeeded)
            {
                delivery.Succeeded(result.StatusCode!.Value, result.Duration, finished);
            }
            else
            {
                delivery.AttemptFailed(result.StatusCode, result.Error!, result.Duration, schedule, Random.Shared.NextDouble(), finished);
                LogAttemptFailed(logger, delivery.Id, delivery.EndpointId, delivery.AttemptCount, result.Error!);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var delivery in deliveries)
        {
            metrics.Record(delivery.Status switch
            {
                WebhookDeliveryStatus.Delivered => "delivered",
                WebhookDeliveryStatus.Failed => "failed",
                _ => "retry_scheduled",
            });
        }

        return ids.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery round failed; will try again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} to endpoint {EndpointId} failed on attempt {Attempt}: {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, Guid deliveryId, Guid endpointId, int attempt, string error);
}
