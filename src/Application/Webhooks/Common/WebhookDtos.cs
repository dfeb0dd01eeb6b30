using OrderTracking.Domain.Common;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Webhooks.Common;

/// <summary>A webhook endpoint as lists show it: never its secret.</summary>
/// <param name="DisabledReason">Why it is disabled (null while enabled): by hand, because it kept failing, or because its owner's account ended.</param>
/// <param name="FailingSince">Since when every attempt has failed; null after a success. Past the configured time the endpoint is disabled.</param>
public sealed record WebhookEndpointDto(
    Guid Id,
    ActorType OwnerType,
    Guid OwnerId,
    string Url,
    IReadOnlyList<string> Events,
    bool IsEnabled,
    WebhookDisabledReason? DisabledReason,
    DateTimeOffset? DisabledAt,
    DateTimeOffset? FailingSince,
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
/// <param name="NextAttemptAt">While pending: when it is (re)tried; after a failed attempt, "retrying at" this time.</param>
/// <param name="RetryUntil">When retrying stops and the delivery is marked failed; a resend does not move it.</param>
public sealed record WebhookDeliveryDto(
    Guid Id,
    Guid EventId,
    string EventType,
    Guid? OrderId,
    WebhookDeliveryStatus Status,
    int AttemptCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    int? LastDurationMs,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset RetryUntil,
    DateTimeOffset? DeliveredAt);

/// <summary>One delivery with what was sent (the body; each attempt's headers) and what came back, attempt by attempt.</summary>
public sealed record WebhookDeliveryDetailDto(WebhookDeliveryDto Delivery, string RequestBody, IReadOnlyList<WebhookAttemptDto> Attempts);

/// <summary>
/// One try: the request headers sent (<c>Name: value</c> lines), and the answer: status, the headers safe to show
/// (content type and length, date, retry-after, location, server), and the first 2 048 characters of the body.
/// </summary>
public sealed record WebhookAttemptDto(
    Guid Id,
    DateTimeOffset AttemptedAt,
    int DurationMs,
    int? StatusCode,
    string? Error,
    string RequestHeaders,
    string? ResponseHeaders,
    string? ResponseBody,
    bool ResponseBodyTruncated);

public static class WebhookMapper
{
    public static WebhookEndpointDto ToDto(this WebhookEndpoint endpoint) => new(
        endpoint.Id,
        endpoint.OwnerType,
        endpoint.OwnerId,
        endpoint.Url,
        endpoint.Events,
        endpoint.IsEnabled,
        endpoint.DisabledReason,
        endpoint.DisabledAt,
        endpoint.FailingSince,
        endpoint.CreatedAt,
        endpoint.UpdatedAt,
        endpoint.PreviousSecretExpiresAt);

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
        delivery.RetryUntil,
        delivery.DeliveredAt);

    public static WebhookAttemptDto ToDto(this WebhookAttempt attempt) => new(
        attempt.Id,
        attempt.AttemptedAt,
        attempt.DurationMs,
        attempt.StatusCode,
        attempt.Error,
        attempt.RequestHeaders,
        attempt.ResponseHeaders,
        attempt.ResponseBody,
        attempt.ResponseBodyTruncated);
}
