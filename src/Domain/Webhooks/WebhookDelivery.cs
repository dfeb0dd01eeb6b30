using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Webhooks;

/// <summary>
/// One event to send to one endpoint, with the outcome of its latest attempt (every attempt is kept as a
/// <see cref="WebhookAttempt"/>). The body is fixed when the delivery is planned, so every retry sends the same bytes;
/// only the signature's timestamp is renewed per attempt.
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

    /// <summary>The order the event is about (none for a test event); deliveries of one order to one endpoint go out in the order of <see cref="OccurredAt"/>.</summary>
    public Guid? OrderId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }
    public string Payload { get; private set; }
    public WebhookDeliveryStatus Status { get; private set; }

    /// <summary>Attempts made, resends included.</summary>
    public int AttemptCount { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>When retrying stops, fixed when the delivery is planned: a resend does not move it.</summary>
    public DateTimeOffset RetryUntil { get; private set; }

    /// <summary>While an instance is sending it: the end of that instance's lease (a crashed instance's claim is taken over after it).</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public int? LastDurationMs { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A test event the owner asked for: a delivery of its own, through the normal sending path.</summary>
    public static WebhookDelivery PlanTest(Guid endpointId, Guid eventId, string payload, TimeSpan retryWindow, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        EndpointId = endpointId,
        EventId = eventId,
        EventType = WebhookEventTypes.EndpointTest,
        OccurredAt = now,
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
        Record(statusCode, duration, Truncate(error), now);
        if (schedule.NextAttemptAt(AttemptCount, now, RetryUntil, jitter) is { } next)
        {
            NextAttemptAt = next;
        }
        else
        {
            Status = WebhookDeliveryStatus.Failed;
        }
    }

    /// <summary>
    /// Sends the same event again now, whatever became of it before. The retry window stays where it was: a resend
    /// after it closed is one attempt, and a resend cannot keep a failing receiver's deliveries alive for ever.
    /// </summary>
    public void Resend(DateTimeOffset now)
    {
        if (Status == WebhookDeliveryStatus.Pending)
        {
            throw new DomainRuleException("This delivery is still being tried; wait for it to be delivered or to fail.");
        }

        Status = WebhookDeliveryStatus.Pending;
        NextAttemptAt = now;
    }

    public static string Truncate(string error) => error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;

    private void Record(int? statusCode, TimeSpan duration, string? error, DateTimeOffset now)
    {
        ClaimedUntil = null;
        LastAttemptAt = now;
        LastStatusCode = statusCode;
        LastDurationMs = (int)Math.Min(duration.TotalMilliseconds, int.MaxValue);
        LastError = error;
    }
}
