using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Webhooks;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Webhooks;

/// <summary>
/// Sends due deliveries fairly. Each send runs on its own and records its outcome the moment it finishes; a finished
/// send wakes the worker to claim more, so there is no batch to wait for and a slow receiver holds only its own sends.
/// What may be claimed is decided by <see cref="ClaimAsync"/> (fair scheduling: per endpoint and per owner limits of
/// sends in flight over all instances, the least-served owner first); this loop only keeps up to
/// <see cref="WebhookOptions.MaxConcurrentSends"/> sends going in this instance.
/// A delivery is only due when no earlier event of the same order can still come before it: no earlier delivery of
/// that order to the same endpoint is pending (being sent counts), and no earlier outbox event of that order is still
/// waiting to be dispatched (its handlers failed and will be retried, so its deliveries are not planned yet).
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
    /// <summary>Names the claim's transaction-scoped advisory lock, which makes the limits hold across instances.</summary>
    private const long ClaimLockKey = 0x4F54_5748_434C;

    /// <summary>Sends of this instance in flight (their tasks, for a graceful stop); <see cref="_inFlight"/> counts them.</summary>
    private readonly ConcurrentDictionary<Task, bool> _sending = new();

    private int _inFlight;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var free = options.Value.MaxConcurrentSends - Volatile.Read(ref _inFlight);
                var claimed = 0;
                if (free > 0)
                {
                    try
                    {
                        var ids = await ClaimAsync(free, stoppingToken);
                        claimed = ids.Count;
                        foreach (var id in ids)
                        {
                            Interlocked.Increment(ref _inFlight);
                            var send = SendAsync(id, stoppingToken);
                            _sending[send] = true;
                            _ = send.ContinueWith(finished => _sending.TryRemove(finished, out _), TaskScheduler.Default);
                        }
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    {
                        LogClaimFailed(logger, ex);
                    }
                }

                // More may be due right away when this round filled what was free; otherwise wait for a wake-up (a
                // delivery planned, resent or tested here; a send finished) or the poll for due retries.
                if (claimed == 0 || claimed < free)
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollIntervalSeconds), stoppingToken);
                }
            }
        }
        finally
        {
            // Sends in flight end with the stopping token; their leases let another instance retry them.
            await Task.WhenAll(_sending.Keys);
        }
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> due deliveries and leases them (<c>claimed_until</c>), in one transaction
    /// under an advisory lock so that instances claim one after another and each sees the others' claims. Fairness:
    /// an endpoint never has more than <see cref="WebhookOptions.MaxInFlightPerEndpoint"/> sends in flight nor an owner
    /// more than <see cref="WebhookOptions.MaxInFlightPerOwner"/>; each endpoint offers its oldest due deliveries, and
    /// owners take turns, the one with the fewest sends in flight first, so a merchant with many (or slow) endpoints
    /// never delays another merchant's delivery: that one is claimed as soon as a send slot of this instance is free.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var settings = options.Value;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            var now = timeProvider.GetUtcNow();
            var leaseUntil = now + TimeSpan.FromSeconds(settings.TimeoutSeconds * 3 + 5);
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ClaimLockKey})", token);
            var ids = await db.Database.SqlQuery<Guid>(
                $"""
                WITH in_flight AS (
                    SELECT endpoint_id, count(*) AS sending
                    FROM webhook_deliveries
                    WHERE claimed_until IS NOT NULL AND claimed_until > {now} AND status = 'Pending'
                    GROUP BY endpoint_id
                ), endpoints AS (
                    SELECT e.id, e.owner_type, e.owner_id,
                           COALESCE(f.sending, 0) AS endpoint_sending,
                           sum(COALESCE(f.sending, 0)) OVER (PARTITION BY e.owner_type, e.owner_id) AS owner_sending
                    FROM webhook_endpoints e
                    LEFT JOIN in_flight f ON f.endpoint_id = e.id
                    WHERE e.is_enabled AND webhook_owner_is_active(e.owner_type, e.owner_id)
                ), offered AS (
                    SELECT e.owner_type, e.owner_id, e.owner_sending, due.id, due.next_attempt_at,
                           row_number() OVER (PARTITION BY e.id ORDER BY due.next_attempt_at, due.sequence) + e.endpoint_sending AS endpoint_turn
                    FROM endpoints e
                    CROSS JOIN LATERAL (
                        SELECT d.id, d.next_attempt_at, d.sequence
                        FROM webhook_deliveries d
                        WHERE d.endpoint_id = e.id AND d.status = 'Pending' AND d.next_attempt_at <= {now}
                          AND (d.claimed_until IS NULL OR d.claimed_until <= {now})
                          AND NOT EXISTS (
                              SELECT 1 FROM webhook_deliveries earlier
                              WHERE earlier.endpoint_id = d.endpoint_id AND earlier.order_id = d.order_id AND earlier.status = 'Pending'
                                AND (earlier.occurred_at, earlier.sequence) < (d.occurred_at, d.sequence))
                          AND NOT EXISTS (
                              SELECT 1 FROM outbox_messages undispatched
                              WHERE undispatched.aggregate_id = d.order_id
                                AND undispatched.dispatched_at IS NULL AND undispatched.failed_at IS NULL
                                AND (undispatched.occurred_at, undispatched.id) < (d.occurred_at, d.event_id))
                        ORDER BY d.next_attempt_at, d.sequence
                        LIMIT {settings.MaxInFlightPerEndpoint}
                    ) due
                    WHERE e.endpoint_sending < {settings.MaxInFlightPerEndpoint} AND e.owner_sending < {settings.MaxInFlightPerOwner}
                ), turns AS (
                    SELECT id, next_attempt_at,
                           row_number() OVER (PARTITION BY owner_type, owner_id ORDER BY endpoint_turn, next_attempt_at) + owner_sending AS owner_turn
                    FROM offered
                    WHERE endpoint_turn <= {settings.MaxInFlightPerEndpoint}
                ), chosen AS (
                    SELECT id FROM turns
                    WHERE owner_turn <= {settings.MaxInFlightPerOwner}
                    ORDER BY owner_turn, next_attempt_at
                    LIMIT {limit}
                )
                UPDATE webhook_deliveries d SET claimed_until = {leaseUntil}, attempt_count = d.attempt_count + 1
                FROM chosen WHERE d.id = chosen.id
                RETURNING d.id AS "Value"
                """).ToListAsync(token);
            await transaction.CommitAsync(token);
            return ids;
        }, cancellationToken);
    }

    /// <summary>Sends one claimed delivery and records its outcome at once, in a scope of its own; then wakes the loop to claim more.</summary>
    private async Task SendAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
            var endpoint = delivery is null ? null : await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == delivery.EndpointId, cancellationToken);
            if (delivery is null || endpoint is null)
            {
                return;
            }

            var result = await sender.SendAsync(endpoint, delivery, cancellationToken);
            Record(db, endpoint, delivery, result);
            await db.SaveChangesAsync(cancellationToken);
            metrics.Record(delivery.Status switch
            {
                WebhookDeliveryStatus.Delivered => "delivered",
                WebhookDeliveryStatus.Failed => "failed",
                _ => "retry_scheduled",
            });
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            // The delivery moved on while this send was on its way (its lease ran out and it was taken over, or this
            // outcome was saved already), or its endpoint was deleted: nothing is written over what is there now.
            LogOutcomeDropped(logger, deliveryId, ex.GetType().Name);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the lease lets this or another instance send it again.
        }
        catch (Exception ex)
        {
            LogSendFailed(logger, deliveryId, ex);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            signal.Wake();
        }
    }

    private void Record(AppDbContext db, WebhookEndpoint endpoint, WebhookDelivery delivery, WebhookAttemptResult result)
    {
        var settings = options.Value;
        var finished = timeProvider.GetUtcNow();
        if (result.Succeeded)
        {
            delivery.Succeeded(result.StatusCode!.Value, result.Duration, finished);
            endpoint.AttemptSucceeded();
        }
        else
        {
            delivery.AttemptFailed(result.StatusCode, result.Error!, result.Duration, settings.RetrySchedule, Random.Shared.NextDouble(), finished);
            var wasEnabled = endpoint.IsEnabled;
            endpoint.AttemptFailed(settings.DisableAfterFailing, finished);
            LogAttemptFailed(logger, delivery.Id, delivery.EndpointId, delivery.AttemptCount, result.Error!);
            if (wasEnabled && !endpoint.IsEnabled)
            {
                LogEndpointDisabled(logger, endpoint.Id, endpoint.FailingSince!.Value);
            }
        }

        db.WebhookAttempts.Add(WebhookAttempt.Record(
            delivery.Id, finished - result.Duration, result.Duration, result.StatusCode, result.Error,
            result.RequestHeaders, result.ResponseHeaders, result.ResponseBody, result.ResponseBodyTruncated));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming webhook deliveries failed; will try again")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending webhook delivery {DeliveryId} failed before its outcome was recorded; its lease lets it be retried")]
    private static partial void LogSendFailed(ILogger logger, Guid deliveryId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The outcome of webhook delivery {DeliveryId} was dropped: the delivery moved on or its endpoint was deleted since this send claimed it ({Reason})")]
    private static partial void LogOutcomeDropped(ILogger logger, Guid deliveryId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} to endpoint {EndpointId} failed on attempt {Attempt}: {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, Guid deliveryId, Guid endpointId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} was disabled: every attempt has failed since {FailingSince}")]
    private static partial void LogEndpointDisabled(ILogger logger, Guid endpointId, DateTimeOffset failingSince);
}
