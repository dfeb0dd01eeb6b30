using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Webhooks;
using Polly.Timeout;

namespace OrderTracking.Infrastructure.Webhooks;

/// <summary>
/// What one attempt came to: a status code when the receiver answered, an error when it did not or not with 2xx; and
/// what the owner may read of it (the request's headers, the answer's headers and the start of its body).
/// </summary>
public sealed record WebhookAttemptResult(
    bool Succeeded,
    int? StatusCode,
    string? Error,
    TimeSpan Duration,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    IReadOnlyList<KeyValuePair<string, string>>? ResponseHeaders,
    string? ResponseBody,
    bool ResponseBodyTruncated);

/// <summary>
/// Sends one delivery once, signed, through the <c>webhooks</c> client: a short timeout (Microsoft.Extensions.Http.Resilience)
/// for the answer's headers and the same bound for reading the start of its body, no redirects, connections only to
/// addresses <see cref="WebhookDestination"/> allows. Retries are not its business: the delivery row's next attempt
/// time carries them across restarts.
/// </summary>
public sealed partial class WebhookSender(
    IHttpClientFactory clients,
    IWebhookSecretProtector secrets,
    IOptions<WebhookOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookSender> logger)
{
    public const string ClientName = "webhooks";

    /// <summary>How many bytes of the answer's body are read: enough for <see cref="WebhookAttempt.MaxResponseBodyLength"/> characters of UTF-8.</summary>
    private const int ResponseBytesRead = WebhookAttempt.MaxResponseBodyLength * 4;

    /// <summary>Never throws but for <paramref name="cancellationToken"/>: whatever goes wrong becomes a failed result.</summary>
    public async Task<WebhookAttemptResult> SendAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<KeyValuePair<string, string>> requestHeaders = [];
        try
        {
            using var request = Sign(endpoint, delivery, timeProvider.GetUtcNow());
            requestHeaders = HeadersOf(request.Headers, request.Content!.Headers);
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            var succeeded = response.IsSuccessStatusCode;
            var (body, truncated) = await ReadStartAsync(response, cancellationToken);
            return new WebhookAttemptResult(
                succeeded,
                status,
                succeeded ? null : $"The receiver answered {status}.",
                Stopwatch.GetElapsedTime(started),
                requestHeaders,
                HeadersOf(response.Headers, response.Content.Headers),
                body,
                truncated);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (ex is not (HttpRequestException or TimeoutRejectedException or OperationCanceledException))
            {
                LogUnexpectedFailure(logger, delivery.Id, endpoint.Id, ex);
            }

            return new WebhookAttemptResult(false, null, Describe(ex), Stopwatch.GetElapsedTime(started), requestHeaders, null, null, false);
        }
    }

    private HttpRequestMessage Sign(WebhookEndpoint endpoint, WebhookDelivery delivery, DateTimeOffset now)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        var eventId = delivery.EventId.ToString();
        request.Headers.Add("Webhook-Id", eventId);
        request.Headers.Add("X-OrderTracking-Event-Id", eventId);
        request.Headers.Add("X-OrderTracking-Event-Type", delivery.EventType);
        var signingSecrets = endpoint.SigningSecrets(now).Select(secrets.Unprotect);
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Header(signingSecrets, now, delivery.Payload));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("OrderTracking-Webhooks", "1.0"));
        return request;
    }

    /// <summary>
    /// The first <see cref="WebhookAttempt.MaxResponseBodyLength"/> characters of the body, within the attempt's
    /// timeout: a receiver that sends its headers and then trickles the body cannot hold the send.
    /// </summary>
    private async Task<(string? Body, bool Truncated)> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new byte[ResponseBytesRead + 1];
            var read = 0;
            int chunk;
            while (read < buffer.Length && (chunk = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token)) > 0)
            {
                read += chunk;
            }

            var truncated = read > ResponseBytesRead;
            var text = Encoding.UTF8.GetString(buffer, 0, Math.Min(read, ResponseBytesRead));
            return (text, truncated);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is OperationCanceledException or HttpRequestException or IOException)
        {
            // The status came; the body did not in time. The attempt's outcome stands on the status alone.
            return (null, true);
        }
    }

    private static List<KeyValuePair<string, string>> HeadersOf(HttpHeaders headers, HttpHeaders contentHeaders) =>
        headers.Concat(contentHeaders).Select(h => KeyValuePair.Create(h.Key, string.Join(", ", h.Value))).ToList();

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
