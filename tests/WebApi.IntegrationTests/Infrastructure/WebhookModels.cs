using System.Net.Http.Json;
using System.Text.Json;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

public sealed record WebhookEndpointResponse(
    Guid Id,
    string OwnerType,
    Guid OwnerId,
    string Url,
    List<string> Events,
    bool IsEnabled,
    string? DisabledReason,
    DateTimeOffset? DisabledAt,
    DateTimeOffset? FailingSince,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PreviousSecretExpiresAt);

public sealed record WebhookEndpointWithSecretResponse(WebhookEndpointResponse Endpoint, string Secret);

public sealed record WebhookDeliveryResponse(
    Guid Id,
    Guid EventId,
    string EventType,
    Guid? OrderId,
    string Status,
    int AttemptCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    int? LastDurationMs,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset RetryUntil,
    DateTimeOffset? DeliveredAt);

public sealed record WebhookAttemptResponse(
    Guid Id,
    DateTimeOffset AttemptedAt,
    int DurationMs,
    int? StatusCode,
    string? Error,
    string RequestHeaders,
    string? ResponseHeaders,
    string? ResponseBody,
    bool ResponseBodyTruncated);

public sealed record WebhookDeliveryDetailResponse(WebhookDeliveryResponse Delivery, string RequestBody, List<WebhookAttemptResponse> Attempts);

/// <summary>The API with webhooks allowed to reach a receiver on loopback, and retries fast enough for a test.</summary>
public class WebhookApiFactory : ApiFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Webhooks:AllowLoopback"] = "true",
        ["Webhooks:TimeoutSeconds"] = "5",
        ["Webhooks:RetryFirstDelaySeconds"] = "0.2",
        ["Webhooks:RetryMaxDelaySeconds"] = "0.5",
        ["Webhooks:PollIntervalSeconds"] = "0.2",
    };
}

/// <summary>An endpoint's delivery log, as its owner reads it through the API.</summary>
public static class WebhookDeliveryLog
{
    public static async Task<List<WebhookDeliveryResponse>> ReadAsync(HttpClient owner, Guid endpointId) =>
        (await owner.GetFromJsonAsync<List<WebhookDeliveryResponse>>($"/api/webhook-endpoints/{endpointId}/deliveries", Json.Options))!;

    /// <summary>
    /// Reads the log until <paramref name="condition"/> holds; fails the test when it never does, showing the log and
    /// the app's webhook and transient-fault log lines, when given (what the worker did, in order).
    /// </summary>
    public static async Task<List<WebhookDeliveryResponse>> WhenAsync(
        HttpClient owner, Guid endpointId, Func<List<WebhookDeliveryResponse>, bool> condition, CapturedLogs? appLogs = null)
    {
        var deliveries = await Eventually.WaitForAsync(() => ReadAsync(owner, endpointId), condition);
        var worker = appLogs is null ? [] : appLogs.Lines
            .Where(line => line.Contains("Webhook", StringComparison.Ordinal) || line.Contains("transient", StringComparison.OrdinalIgnoreCase))
            .TakeLast(40).ToList();
        Assert.True(
            condition(deliveries),
            $"The delivery log never reached the expected state: {JsonSerializer.Serialize(deliveries)}{string.Concat(worker.Select(line => "\n  " + line))}");
        return deliveries;
    }
}
