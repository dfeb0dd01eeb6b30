using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using OrderTracking.Domain.Webhooks;
using Polly.Timeout;

namespace OrderTracking.Infrastructure.Webhooks;

/// <summary>What one attempt came to: a status code when the receiver answered, an error when it did not or not with 2xx.</summary>
public sealed record WebhookAttemptResult(bool Succeeded, int? StatusCode, string? Error, TimeSpan Duration);

/// <summary>
/// Sends one delivery once, signed, through the <c>webhooks</c> client: a short timeout (Microsoft.Extensions.Http.Resilience),
/// no redirects, connections only to addresses <see cref="WebhookDestination"/> allows. Retries are not its business:
/// the delivery row's next attempt time carries them across restarts.
/// </summary>
public sealed partial class WebhookSender(IHttpClientFactory clients, TimeProvider timeProvider, ILogger<WebhookSender> logger)
{
    public const string ClientName = "webhooks";

    /// <summary>
    /// Never throws but for <paramref name="cancellationToken"/>: whatever goes wrong becomes a failed result, so one
    /// delivery's fault cannot take the outcome of the others in the worker's batch with it.
    /// </summary>
    public async Task<WebhookAttemptResult> SendAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = Sign(endpoint, delivery, timeProvider.GetUtcNow());
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            var succeeded = response.IsSuccessStatusCode;
            return new WebhookAttemptResult(succeeded, status, succeeded ? null : $"The receiver answered {status}.", Stopwatch.GetElapsedTime(started));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (ex is not (HttpRequestException or TimeoutRejectedException or OperationCanceledException))
            {
                LogUnexpectedFailure(logger, delivery.Id, endpoint.Id, ex);
            }

            return new WebhookAttemptResult(false, null, Describe(ex), Stopwatch.GetElapsedTime(started));
        }
    }

    private static HttpRequestMessage Sign(WebhookEndpoint endpoint, WebhookDelivery delivery, DateTimeOffset now)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        var eventId = delivery.EventId.ToString();
        request.Headers.Add("Webhook-Id", eventId);
        request.Headers.Add("X-OrderTracking-Event-Id", eventId);
        request.Headers.Add("X-OrderTracking-Event-Type", delivery.EventType);
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Header(endpoint.SigningSecrets(now), now, delivery.Payload));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("OrderTracking-Webhooks", "1.0"));
        return request;
    }

    private static string Describe(Exception ex) => ex switch
    {
        TimeoutRejectedException => "The receiver did not answer in time.",
        _ when FindRefusal(ex) is { } refused => refused.Message,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "Could not connect to the receiver.",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "The TLS handshake with the receiver failed.",
        _ => "The request to the receiver failed.",
    };

    private static WebhookAddressRefusedException? FindRefusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is WebhookAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending webhook delivery {DeliveryId} to endpoint {EndpointId} failed unexpectedly; it is recorded as a failed attempt and retried")]
    private static partial void LogUnexpectedFailure(ILogger logger, Guid deliveryId, Guid endpointId, Exception exception);
}
