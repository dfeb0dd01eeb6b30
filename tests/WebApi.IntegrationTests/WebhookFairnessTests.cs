using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// One merchant's 40 endpoints accept the connection and do not answer (held by the test, with the attempt timeout at
/// its 60 s maximum, so none ends by itself while the test runs). Another merchant's deliveries and everyone's live
/// updates must not wait for them.
/// </summary>
public sealed class WebhookFairnessTests(WebhookFairnessTests.Factory api) : IClassFixture<WebhookFairnessTests.Factory>
{
    private const int HangingEndpoints = 40;

    public sealed class Factory : WebhookApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(base.ExtraSettings)
            {
                ["Webhooks:MaxEndpointsPerOwner"] = "50",
                ["Webhooks:TimeoutSeconds"] = "60",
            };
    }

    private async Task<HttpClient> MerchantWithEndpointsAsync(string url, int count, string[] events)
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        for (var i = 0; i < count; i++)
        {
            var created = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url, events });
            await created.ShouldBeAsync(HttpStatusCode.Created);
            api.RememberSecret((await created.ReadAsync<WebhookEndpointWithSecretResponse>()).Secret);
        }

        return merchant;
    }

    [Fact]
    public async Task Forty_hanging_endpoints_of_one_merchant_do_not_delay_another_merchants_delivery_which_is_recorded_as_it_finishes()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hanging = await WebhookReceiver.StartAsync();
        hanging.Hold = release.Task;
        await using var receiver = await WebhookReceiver.StartAsync();
        try
        {
            var hangingMerchant = await MerchantWithEndpointsAsync(hanging.Url, HangingEndpoints, ["order.created"]);
            var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
            var created = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = receiver.Url, events = new[] { "order.created" } });
            var endpoint = await created.ReadAsync<WebhookEndpointWithSecretResponse>();
            api.RememberSecret(endpoint.Secret);

            // The hanging merchant's 40 deliveries are planned first and its sends are under way (and stuck).
            await hangingMerchant.CreateOrderAsync();
            await Eventually.WaitForAsync(() => Task.FromResult(hanging.Arrived), arrived => arrived > 0);
            Assert.True(hanging.Arrived > 0, "None of the hanging merchant's deliveries was sent.");

            // The bound: the delivery arrives and is recorded as delivered while every hanging send is still open
            // (they are held until the test ends), so it took its own send time and a claim, and no part of theirs.
            // Before, it waited in line behind a batch of 20 hanging sends until their 60 s timeout.
            await merchant.CreateOrderAsync();
            await receiver.WaitForAsync(r => r.Count == 1, "the other merchant's delivery while 40 endpoints hang");
            var log = await WebhookDeliveryLog.WhenAsync(merchant, endpoint.Endpoint.Id, d => d.Count == 1 && d[0].Status == "Delivered");
            Assert.Equal(1, log[0].AttemptCount);
            Assert.False(release.Task.IsCompleted);

            // The hanging merchant holds no more sends than its share.
            Assert.InRange(hanging.Arrived, 1, 8);
        }
        finally
        {
            release.TrySetResult();
        }

        await hanging.WaitForAsync(r => r.Count == HangingEndpoints, "every held delivery once released");
    }

    [Fact]
    public async Task Live_updates_keep_their_latency_while_a_merchants_endpoints_hang()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hanging = await WebhookReceiver.StartAsync();
        hanging.Hold = release.Task;
        try
        {
            var user = await api.CreateUserAsync(UserRole.Merchant);
            var merchant = await api.ClientForAsync(user);
            var token = merchant.DefaultRequestHeaders.Authorization!.Parameter;
            await using var live = await HubListener.ConnectAsync(api, () => Task.FromResult<string?>(token));
            var order = await merchant.CreateOrderAsync();

            // Latency of one live announcement, and of the request that caused it, measured in the same moment.
            async Task<(TimeSpan Live, TimeSpan Request)> AnnounceAsync(OrderStatus status)
            {
                var before = live.OrderChanges(order.Id).Count();
                var started = Stopwatch.GetTimestamp();
                await merchant.MoveAsync(order.Id, status);
                var request = Stopwatch.GetElapsedTime(started);
                await live.WaitForAsync(l => l.OrderChanges(order.Id).Count() > before, $"the live announcement of {status}", Eventually.Bound);
                return (Stopwatch.GetElapsedTime(started), request);
            }

            var baseline = await AnnounceAsync(OrderStatus.Confirmed);

            // 40 hanging endpoints wanting every event, and a burst of that merchant's changes keeping the planning busy.
            var hangingMerchant = await MerchantWithEndpointsAsync(hanging.Url, HangingEndpoints, ["order.created", "order.status_changed", "order.assigned"]);
            var burst = Task.WhenAll(Enumerable.Range(0, 10).Select(_ => hangingMerchant.CreateOrderAsync()));
            await Eventually.WaitForAsync(() => Task.FromResult(hanging.Arrived), arrived => arrived > 0);
            var underLoad = await AnnounceAsync(OrderStatus.Preparing);
            await burst;

            // The bound, relative to what was measured: the announcement trails its own request by no more than it
            // did without the hanging endpoints, scaled by how much slower the machine answers that request now.
            var allowed = 4 * (baseline.Live + underLoad.Request);
            Assert.True(underLoad.Live <= allowed, $"Live latency {underLoad.Live.TotalMilliseconds:F0} ms under hanging endpoints; baseline {baseline.Live.TotalMilliseconds:F0} ms, request {underLoad.Request.TotalMilliseconds:F0} ms, allowed {allowed.TotalMilliseconds:F0} ms.");
            Assert.Empty(hanging.Received);
        }
        finally
        {
            release.TrySetResult();
        }
    }
}
