using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Webhooks.Common;

/// <summary>
/// The deliveries one order event makes: the body each owner's endpoints get (the order as that owner sees it), and
/// the times every delivery starts with.
/// </summary>
public sealed record WebhookPlan(
    Guid EventId,
    string EventType,
    Guid OrderId,
    DateTimeOffset OccurredAt,
    IReadOnlyList<WebhookPlannedBody> Bodies,
    DateTimeOffset PlannedAt,
    DateTimeOffset RetryUntil);

public sealed record WebhookPlannedBody(WebhookOwner Owner, string Payload);
