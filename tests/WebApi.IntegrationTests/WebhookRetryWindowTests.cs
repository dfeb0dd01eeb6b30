using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The end of the retry window, with the window configured to 4 seconds instead of 3 days (the Domain tests show the
/// default schedule fills 3 days): a delivery whose receiver never accepts it is tried until the window closes, then
/// ends failed and is left alone.
/// </summary>
public sealed class WebhookRetryWindowTests(WebhookRetryWindowTests.Factory api) : IClassFixture<WebhookRetryWindowTests.Factory>
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(4);

    /// <summary>The longest wait between two tries: the configured 0.5 s with the most jitter (×1.5).</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(0.75);

    /// <summary>Retries 0.2 s apart growing to 0.5 s (±50 %), given up 4 s after the delivery was planned.</summary>
    public sealed class Factory : WebhookApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(base.ExtraSettings) { ["Webhooks:RetryWindowSeconds"] = Window.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    [Fact]
    public async Task A_delivery_the_receiver_keeps_refusing_is_marked_failed_when_the_window_closes_and_is_never_tried_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, body) => body.Contains("\"order.created\"", StringComparison.Ordinal) ? 500 : 200;
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var created = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = receiver.Url, events = new[] { "order.created", "order.status_changed" } });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var endpoint = await created.ReadAsync<WebhookEndpointWithSecretResponse>();
        api.RememberSecret(endpoint.Secret);

        var order = await merchant.CreateOrderAsync();

        var failed = (await WebhookDeliveryLog.WhenAsync(merchant, endpoint.Endpoint.Id, d => d.Count == 1 && d[0].Status == "Failed")).Single();
        var attempts = receiver.Received;
        Assert.Equal(("order.created", 500, "The receiver answered 500."), (failed.EventType, failed.LastStatusCode, failed.LastError));
        Assert.Null(failed.NextAttemptAt);
        Assert.Null(failed.DeliveredAt);
        Assert.InRange(failed.AttemptCount, 1, 80);
        Assert.Equal(failed.AttemptCount, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(failed.EventId.ToString(), a.EventId));
        Assert.All(attempts, a => Assert.True(WebhookSignatureVerifier.IsValid(a.Body, a.Signature, endpoint.Secret, DateTimeOffset.UtcNow)));

        // Tried until the window closed, however slow the machine: a try that left a next one inside the window would
        // not have been the last, and no wait is longer than LongestWait.
        Assert.InRange(failed.LastAttemptAt!.Value - failed.CreatedAt, Window - LongestWait, Window + TimeSpan.FromSeconds(15));

        // The order's next event is delivered (a failed delivery holds up nothing); by then the worker has claimed due
        // rows again, and the failed one was not among them.
        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
        var log = await WebhookDeliveryLog.WhenAsync(merchant, endpoint.Endpoint.Id, d => d.Count == 2 && d.Any(x => x.EventType == "order.status_changed" && x.Status == "Delivered"));
        Assert.Equal(failed, log.Single(d => d.Id == failed.Id));
        Assert.Equal(attempts.Count, receiver.Received.Count(r => r.EventId == failed.EventId.ToString()));
        Assert.Single(receiver.Received, r => r.AnsweredWith == 200);
    }
}
