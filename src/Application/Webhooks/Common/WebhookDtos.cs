using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Webhooks.Common;

/// <summary>A webhook endpoint as lists show it: never its secret.</summary>
public sealed record WebhookEndpointDto(
    Guid Id,
    string Url,
    IReadOnlyList<string> Events,
    bool IsEnabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PreviousSecretExpiresAt);

/// <summary>
/// An endpoint with its signing secret, answered once when the endpoint is created or its secret rotated: store
/// <see cref="Secret"/> now, it is never shown again.
/// </summary>
public sealed record WebhookEndpointWithSecretDto(WebhookEndpointDto Endpoint, string Secret)
{
    public override string ToString() => $"WebhookEndpointWithSecretDto {{ Id = {Endpoint.Id} }}";
}

/// <summary>One event sent (or being sent) to an endpoint, with the outcome of its latest attempt.</summary>
public sealed record WebhookDeliveryDto(
    Guid Id,
    Guid EventId,
    string EventType,
    Guid OrderId,
    WebhookDeliveryStatus Status,
    int AttemptCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    int? LastDurationMs,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt);

public static class WebhookMapper
{
    public static WebhookEndpointDto ToDto(this WebhookEndpoint endpoint) => new(
        endpoint.Id, endpoint.Url, endpoint.Events, endpoint.IsEnabled, endpoint.CreatedAt, endpoint.UpdatedAt, endpoint.PreviousSecretExpiresAt);

    public static WebhookDeliveryDto ToDto(this WebhookDelivery delivery) => new(
        delivery.Id,
        delivery.EventId,
        delivery.EventType,
        delivery.OrderId,
        delivery.Status,
        delivery.AttemptCount,
        delivery.CreatedAt,
        delivery.LastAttemptAt,
        delivery.LastStatusCode,
        delivery.LastDurationMs,
        delivery.LastError,
        delivery.Status == WebhookDeliveryStatus.Pending ? delivery.NextAttemptAt : null,
        delivery.DeliveredAt);
}
