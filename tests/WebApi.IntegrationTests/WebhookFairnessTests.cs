using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// One merchant's endpoints (40, and 60 for the live updates) accept the connection and do not answer (held by the test,
/// with the attempt timeout at its 60 s maximum, so none ends by itself while the test runs). Another merchant's
/// deliveries must not wait for them, and everyone's live updates must not wait for the planning of theirs.
/// </summary>
public sealed class WebhookFairnessTests(WebhookFairnessTests.Factory api, ITestOutputHelper output) : IClassFixture<WebhookFairnessTests.Factory>
{
    private const int HangingEndpoints = 40;
    private const int PlanningEndpoints = 60;
    private const int BurstWriters = 4;
    private const int Samples = 5;

    public sealed class Factory : WebhookApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(base.ExtraSettings)
            {
                ["Webhooks:MaxEndpointsPerOwner"] = "60",
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
    public async Task Live_updates_keep_their_latency_while_planning_for_sixty_endpoints_runs_in_the_outbox_pass()
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
            var orders = new List<OrderResponse>();
            for (var i = 0; i < 2 * Samples; i++)
            {
                orders.Add(await merchant.CreateOrderAsync());
            }

            // One live announcement's latency (request sent → announcement heard), and the request's own time.
            async Task<(TimeSpan Live, TimeSpan Request)> AnnounceAsync(OrderResponse order)
            {
                var started = Stopwatch.GetTimestamp();
                await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
                var request = Stopwatch.GetElapsedTime(started);
                await live.WaitForAsync(l => l.OrderChanges(order.Id).Count() > 1, $"the live announcement of {order.Id}", Eventually.Bound);
                return (Stopwatch.GetElapsedTime(started), request);
            }

            var baseline = new List<(TimeSpan Live, TimeSpan Request)>();
            foreach (var order in orders.Take(Samples))
            {
                baseline.Add(await AnnounceAsync(order));
            }

            // 60 endpoints wanting every event, and that merchant's orders taken through four events each, without
            // pause until the samples are taken, so that the outbox passes plan 60 deliveries per event meanwhile.
            var hangingMerchant = await MerchantWithEndpointsAsync(hanging.Url, PlanningEndpoints, ["order.created", "order.status_changed", "order.assigned"]);
            using var stop = new CancellationTokenSource();
            var ordersMoved = 0;
            var burst = Task.WhenAll(Enumerable.Range(0, BurstWriters).Select(async _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await hangingMerchant.ReadyForPickupAsync();
                    Interlocked.Increment(ref ordersMoved);
                }
            }));
            await Eventually.WaitForAsync(() => Task.FromResult(hanging.Arrived), arrived => arrived > 0);
            var underLoad = new List<(TimeSpan Live, TimeSpan Request)>();
            foreach (var order in orders.Skip(Samples))
            {
                underLoad.Add(await AnnounceAsync(order));
            }

            var movedDuringSamples = Volatile.Read(ref ordersMoved);
            await stop.CancelAsync();
            await burst;
            var expected = ordersMoved * 4 * PlanningEndpoints;
            var planned = await Eventually.WaitForAsync(
                () => api.WithDbAsync(db => Task.FromResult(db.WebhookDeliveries.Count(d => db.WebhookEndpoints.Any(e => e.Id == d.EndpointId && e.Url == hanging.Url)))),
                count => count == expected);

            // The bound, relative to what was measured in this run: the announcement's delay beyond its own request
            // (median of the samples) stays within 10 times the delay before the load plus the median request under
            // load (how much slower the machine answers now). Measured here: about 60 ms before, 0.6 s while planning,
            // 5.5 s allowed; on a 2-core machine under a load average of 37, 26 ms before, 0.4 s while planning, where
            // 4 times (0.3 s) was too tight. Before, each event's planning wrote one row per endpoint in the pass that
            // also carries the announcements; planning fell behind the writes and no announcement arrived within 30 s,
            // so the bound stays far below the failure it guards against.
            static TimeSpan Median(IEnumerable<TimeSpan> values) => values.Order().ElementAt(Samples / 2);
            var before = Median(baseline.Select(s => s.Live - s.Request));
            var after = Median(underLoad.Select(s => s.Live - s.Request));
            var request = Median(underLoad.Select(s => s.Request));
            var allowed = 10 * (before + request);
            output.WriteLine($"Announcement delay beyond its request: before {before.TotalMilliseconds:F0} ms, while planning {after.TotalMilliseconds:F0} ms (allowed {allowed.TotalMilliseconds:F0} ms); median request {request.TotalMilliseconds:F0} ms; orders taken through 4 events during the samples {movedDuringSamples}, deliveries planned {planned}.");
            Assert.True(movedDuringSamples >= BurstWriters, "The samples were not taken while the other merchant's events were being planned.");
            Assert.True(after <= allowed, $"Live announcements trailed their request by {after.TotalMilliseconds:F0} ms while planning; before {before.TotalMilliseconds:F0} ms; allowed {allowed.TotalMilliseconds:F0} ms.");
            Assert.Equal(expected, planned);
            Assert.Empty(hanging.Received);
        }
        finally
        {
            release.TrySetResult();
        }
    }
}
