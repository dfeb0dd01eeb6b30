using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Webhooks;

/// <summary>
/// One event to send to one endpoint, with the outcome of its latest attempt. The body is fixed when the delivery is
/// planned, so every retry sends the same bytes; only the signature's timestamp is renewed per attempt.
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxErrorLength = 500;

    private WebhookDelivery()
    {
        EventType = string.Empty;
        Payload = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid EndpointId { get; private set; }

    /// <summary>The domain event's id: the receiver's idempotency key (<c>Webhook-Id</c>), the same on every retry and resend.</summary>
    public Guid EventId { get; private set; }

    public string EventType { get; private set; }

    /// <summary>The order the event is about; deliveries of one order to one endpoint go out in the order of <see cref="OccurredAt"/>.</summary>
    public Guid OrderId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }
    public string Payload { get; private set; }
    public WebhookDeliveryStatus Status { get; private set; }

    /// <summary>Attempts since the delivery was planned or last resent.</summary>
    public int AttemptCount { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset RetryUntil { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public int? LastDurationMs { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static WebhookDelivery Plan(Guid endpointId, Guid eventId, string eventType, Guid orderId, DateTimeOffset occurredAt, string payload, TimeSpan retryWindow, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        EndpointId = endpointId,
        EventId = eventId,
        EventType = eventType,
        OrderId = orderId,
        OccurredAt = occurredAt,
        Payload = payload,
        Status = WebhookDeliveryStatus.Pending,
        NextAttemptAt = now,
        RetryUntil = now + retryWindow,
        CreatedAt = now,
    };

    /// <summary>The receiver answered 2xx.</summary>
    public void Succeeded(int statusCode, TimeSpan duration, DateTimeOffset now)
    {
        Record(statusCode, duration, error: null, now);
        Status = WebhookDeliveryStatus.Delivered;
        DeliveredAt = now;
    }

    /// <summary>
    /// The attempt failed (an error status, a timeout, a refused address): schedule the next try, or give up when the
    /// retry window is over. <paramref name="jitter"/> is a random number in [0, 1).
    /// </summary>
    public void AttemptFailed(int? statusCode, string error, TimeSpan duration, WebhookRetrySchedule schedule, double jitter, DateTimeOffset now)
    {
        Record(statusCode, duration, error.Length > MaxErrorLength ? error[..MaxErrorLength] : error, now);
        if (schedule.NextAttemptAt(AttemptCount, now, RetryUntil, jitter) is { } next)
        {
            NextAttemptAt = next;
        }
        else
        {
            Status = WebhookDeliveryStatus.Failed;
        }
    }

    /// <summary>Sends the same event again now, with a fresh retry window, whatever became of it before.</summary>
    public void Resend(TimeSpan retryWindow, DateTimeOffset now)
    {
        if (Status == WebhookDeliveryStatus.Pending)
        {
            throw new DomainRuleException("This delivery is still being tried; wait for it to be delivered or to fail.");
        }

        Status = WebhookDeliveryStatus.Pending;
        AttemptCount = 0;
        NextAttemptAt = now;
        RetryUntil = now + retryWindow;
    }

    private void Record(int? statusCode, TimeSpan duration, string? error, DateTimeOffset now)
    {
        LastAttemptAt = now;
        LastStatusCode = statusCode;
        LastDurationMs = (int)Math.Min(duration.TotalMilliseconds, int.MaxValue);
        LastError = error;
    }
}
