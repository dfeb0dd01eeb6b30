using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.Domain.Webhooks;
using OrderTracking.Infrastructure.Persistence.Repositories;
using OrderTracking.Infrastructure.Webhooks;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// Webhooks when something inside the API fails, injected in this test host only: planning an event's deliveries
/// fails until the test lets it succeed (its outbox row is retried later), or sending one delivery of a batch throws.
/// </summary>
public sealed class WebhookFaultTests(WebhookFaultTests.Factory api) : IClassFixture<WebhookFaultTests.Factory>
{
    /// <summary>
    /// The webhook API whose delivery planning and sending can be made to fail by a test. A failed outbox row is tried
    /// again 3 s later (then 6 s, 12 s...), found by a sweep every second; a test that needs the order's next event
    /// dispatched first holds the failure (<see cref="Faults.FailPlanningFor"/>) rather than counting on those seconds.
    /// </summary>
    public sealed class Factory : WebhookApiFactory
    {
        public Faults Faults { get; } = new();

        protected override IDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(base.ExtraSettings)
            {
                ["Outbox:FirstRetryDelay"] = "00:00:03",
                ["Outbox:SweepInterval"] = "00:00:01",
            };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IWebhookRepository>();
                services.AddScoped<WebhookRepository>();
                services.AddScoped<IWebhookRepository>(provider => new PlanningFailsOnce(provider.GetRequiredService<WebhookRepository>(), Faults));
                services.AddHttpClient(WebhookSender.ClientName).AddHttpMessageHandler(() => new SendingThrows(Faults));
            });
        }
    }

    /// <summary>What the test asks to fail.</summary>
    public sealed class Faults
    {
        private readonly Lock _lock = new();
        private Guid _failPlanningFor;
        private Guid? _failingEvent;

        /// <summary>Set, to the event's id, once planning for <see cref="FailPlanningFor"/>'s owner has failed.</summary>
        public TaskCompletionSource<Guid> PlanningFailed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Sending to this address throws an exception the HTTP stack never throws (a bug, say).</summary>
        public Uri? ThrowWhenSendingTo { get; set; }

        /// <summary>
        /// The next event planned for this owner's endpoints fails to plan, and every retry of that event fails too until
        /// <see cref="ReleasePlanning"/>; the owner's other events plan as usual.
        /// </summary>
        public void FailPlanningFor(Guid ownerId)
        {
            lock (_lock)
            {
                (_failPlanningFor, _failingEvent) = (ownerId, null);
            }
        }

        /// <summary>The held event's next retry plans its deliveries.</summary>
        public void ReleasePlanning()
        {
            lock (_lock)
            {
                (_failPlanningFor, _failingEvent) = (Guid.Empty, null);
            }
        }

        public void OnPlanning(WebhookPlan plan)
        {
            lock (_lock)
            {
                if (_failPlanningFor == Guid.Empty || !plan.Bodies.Any(b => b.Owner.Id == _failPlanningFor))
                {
                    return;
                }

                _failingEvent ??= plan.EventId;
                if (_failingEvent != plan.EventId)
                {
                    return;
                }
            }

            PlanningFailed.TrySetResult(plan.EventId);
            throw new InvalidOperationException("Injected fault: planning the deliveries failed.");
        }
    }

    private sealed class PlanningFailsOnce(WebhookRepository inner, Faults faults) : IWebhookRepository
    {
        public Task<WebhookEndpoint?> FindEndpointAsync(Guid id, CancellationToken cancellationToken) => inner.FindEndpointAsync(id, cancellationToken);
        public Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(WebhookOwner owner, CancellationToken cancellationToken) => inner.ListEndpointsAsync(owner, cancellationToken);
        public Task<IReadOnlyList<int>> TakenSlotsAsync(WebhookOwner owner, CancellationToken cancellationToken) => inner.TakenSlotsAsync(owner, cancellationToken);
        public void AddEndpoint(WebhookEndpoint endpoint) => inner.AddEndpoint(endpoint);
        public void RemoveEndpoint(WebhookEndpoint endpoint) => inner.RemoveEndpoint(endpoint);
        public Task DisableAllAsync(WebhookOwner owner, WebhookDisabledReason reason, DateTimeOffset now, CancellationToken cancellationToken) => inner.DisableAllAsync(owner, reason, now, cancellationToken);
        public Task<IReadOnlyList<WebhookOwner>> SubscribedOwnersAsync(string eventType, IReadOnlyList<WebhookOwner> owners, CancellationToken cancellationToken) => inner.SubscribedOwnersAsync(eventType, owners, cancellationToken);
        public void AddDelivery(WebhookDelivery delivery) => inner.AddDelivery(delivery);
        public Task<WebhookDelivery?> FindDeliveryAsync(Guid endpointId, Guid deliveryId, CancellationToken cancellationToken) => inner.FindDeliveryAsync(endpointId, deliveryId, cancellationToken);
        public Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid endpointId, int limit, CancellationToken cancellationToken) => inner.ListDeliveriesAsync(endpointId, limit, cancellationToken);
        public Task<IReadOnlyList<WebhookAttempt>> ListAttemptsAsync(Guid deliveryId, CancellationToken cancellationToken) => inner.ListAttemptsAsync(deliveryId, cancellationToken);
        public void WakeDeliveryWorker() => inner.WakeDeliveryWorker();

        public Task PlanAsync(WebhookPlan plan, CancellationToken cancellationToken)
        {
            faults.OnPlanning(plan);
            return inner.PlanAsync(plan, cancellationToken);
        }
    }

    private sealed class SendingThrows(Faults faults) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri == faults.ThrowWhenSendingTo
                ? throw new InvalidOperationException("Injected fault: sending this delivery threw.")
                : base.SendAsync(request, cancellationToken);
    }

    private async Task<WebhookEndpointWithSecretResponse> AddEndpointAsync(HttpClient client, string url, params string[] events)
    {
        var created = await client.PostAsJsonAsync("/api/webhook-endpoints", new { url, events });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var endpoint = await created.ReadAsync<WebhookEndpointWithSecretResponse>();
        api.RememberSecret(endpoint.Secret);
        return endpoint;
    }

    private static string TypeOf(ReceivedWebhook received) => JsonDocument.Parse(received.Body).RootElement.GetProperty("type").GetString()!;

    [Fact]
    public async Task When_planning_an_orders_first_event_fails_and_is_retried_its_next_event_still_reaches_the_endpoint_after_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var endpoint = await AddEndpointAsync(merchant, receiver.Url, "order.created", "order.status_changed");
        api.Faults.FailPlanningFor(merchantUser.Id);

        var order = await merchant.CreateOrderAsync();
        var created = await api.Faults.PlanningFailed.Task.WaitAsync(Eventually.Bound);
        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);

        // The creation's retries keep failing until its status change has been planned, however long that takes: with
        // one failure only, a retry due before the status change was dispatched would plan the creation first.
        await WebhookDeliveryLog.WhenAsync(merchant, endpoint.Endpoint.Id, d => d.Any(x => x.EventType == "order.status_changed"));
        api.Faults.ReleasePlanning();

        var received = await receiver.WaitForAsync(r => r.Count >= 2, "both events");
        Assert.Equal(["order.created", "order.status_changed"], received.Select(TypeOf));
        Assert.Equal(created.ToString(), received[0].EventId);

        // The case this test is about happened: the status change's delivery was planned while the creation's was not
        // yet, which is when the worker must still hold it back.
        var log = await WebhookDeliveryLog.WhenAsync(merchant, endpoint.Endpoint.Id, d => d.Count == 2 && d.All(x => x.Status == "Delivered"));
        var (first, second) = (log.Single(d => d.EventType == "order.created"), log.Single(d => d.EventType == "order.status_changed"));
        Assert.True(second.CreatedAt < first.CreatedAt, $"The status change was planned at {second.CreatedAt:O}, after the creation at {first.CreatedAt:O}.");
        Assert.True(first.DeliveredAt <= second.LastAttemptAt, $"The creation was delivered at {first.DeliveredAt:O}, after the status change was first tried at {second.LastAttemptAt:O}.");
        Assert.Equal((1, 1), (first.AttemptCount, second.AttemptCount));
    }

    [Fact]
    public async Task A_send_that_throws_is_recorded_as_a_failed_attempt_and_the_other_deliveries_of_its_batch_keep_their_outcome()
    {
        await using var healthy = await WebhookReceiver.StartAsync();
        await using var broken = await WebhookReceiver.StartAsync();
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var healthyEndpoint = await AddEndpointAsync(merchant, healthy.Url, "order.created");
        var brokenEndpoint = await AddEndpointAsync(merchant, broken.Url, "order.created");
        api.Faults.ThrowWhenSendingTo = new Uri(broken.Url);

        // One event, two endpoints: both deliveries are planned together and claimed in one batch.
        await merchant.CreateOrderAsync();

        var failing = await WebhookDeliveryLog.WhenAsync(merchant, brokenEndpoint.Endpoint.Id, d => d.Count == 1 && d[0].AttemptCount >= 2);
        Assert.Equal(("Pending", null, "The request to the receiver failed."), (failing[0].Status, failing[0].LastStatusCode, failing[0].LastError));
        Assert.NotNull(failing[0].NextAttemptAt);
        Assert.Empty(broken.Received);

        var delivered = await WebhookDeliveryLog.WhenAsync(merchant, healthyEndpoint.Endpoint.Id, d => d.Count == 1 && d[0].Status == "Delivered");
        Assert.Equal((1, 200), (delivered[0].AttemptCount, delivered[0].LastStatusCode));
        Assert.Single(healthy.Received);

        api.Faults.ThrowWhenSendingTo = null;
        await broken.WaitForAsync(r => r.Count == 1, "the delivery once sending works again");
        await WebhookDeliveryLog.WhenAsync(merchant, brokenEndpoint.Endpoint.Id, d => d[0].Status == "Delivered");
        Assert.Single(healthy.Received);
    }
}
