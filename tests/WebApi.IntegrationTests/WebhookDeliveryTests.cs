using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>Signed webhooks end to end: an order change through the API, the after-commit path, the delivery worker, a receiver on loopback.</summary>
public sealed class WebhookDeliveryTests(WebhookApiFactory api) : IClassFixture<WebhookApiFactory>
{
    private static readonly string[] AllEvents = ["order.created", "order.status_changed", "order.assigned"];

    private async Task<WebhookEndpointWithSecretResponse> AddEndpointAsync(HttpClient client, string url, string path = "/api/webhook-endpoints", string[]? events = null)
    {
        var created = await client.PostAsJsonAsync(path, new { url, events = events ?? AllEvents });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var endpoint = await created.ReadAsync<WebhookEndpointWithSecretResponse>();
        api.RememberSecret(endpoint.Secret);
        return endpoint;
    }

    private static JsonElement BodyOf(ReceivedWebhook received) => JsonDocument.Parse(received.Body).RootElement;

    [Fact]
    public async Task An_order_created_reaches_the_merchants_endpoint_signed_with_its_secret_and_showing_the_order_as_the_merchant_sees_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var otherReceiver = await WebhookReceiver.StartAsync();
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var (otherMerchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var endpoint = await AddEndpointAsync(merchant, receiver.Url);
        await AddEndpointAsync(otherMerchant, otherReceiver.Url);

        var order = await merchant.CreateOrderAsync();

        var received = (await receiver.WaitForAsync(r => r.Count >= 1, "the order.created delivery")).Single();
        Assert.True(WebhookSignatureVerifier.IsValid(received.Body, received.Signature, endpoint.Secret, DateTimeOffset.UtcNow), received.Signature);
        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", received.Signature);
        Assert.False(WebhookSignatureVerifier.IsValid(received.Body + " ", received.Signature, endpoint.Secret, DateTimeOffset.UtcNow));
        Assert.Equal(received.EventId, received.Headers["X-OrderTracking-Event-Id"]);
        Assert.StartsWith("application/json", received.Headers["Content-Type"]);

        var body = BodyOf(received);
        Assert.Equal(received.EventId, body.GetProperty("id").GetString());
        Assert.Equal("order.created", body.GetProperty("type").GetString());
        Assert.True(body.TryGetProperty("createdAt", out _));
        var data = body.GetProperty("data");
        Assert.Equal(order.Id, data.GetProperty("id").GetGuid());
        Assert.Equal(merchantUser.Id, data.GetProperty("merchantId").GetGuid());
        Assert.Equal("Pending", data.GetProperty("status").GetString());
        Assert.Equal(order.Customer.GetProperty("name").GetString(), data.GetProperty("customer").GetProperty("name").GetString());

        var logged = await WebhookDeliveryLog.WhenAsync(merchant, endpoint.Endpoint.Id, d => d.Count == 1 && d[0].Status == "Delivered");
        Assert.Equal(((Guid?)order.Id, "order.created", 200, 1), (logged[0].OrderId, logged[0].EventType, logged[0].LastStatusCode, logged[0].AttemptCount));
        Assert.Equal(received.EventId, logged[0].EventId.ToString());
        Assert.Empty(otherReceiver.Received);
    }

    [Fact]
    public async Task A_partners_endpoint_hears_of_the_orders_assigned_to_it_as_the_partner_sees_them()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var partner = await (await admin.PostAsJsonAsync("/api/partners", new { name = $"Hooked Couriers {Guid.NewGuid():N}" })).ReadAsync<PartnerResponse>();
        var endpoint = await AddEndpointAsync(admin, receiver.Url, $"/api/partners/{partner.Id}/webhook-endpoints", ["order.assigned"]);
        var listed = await admin.GetFromJsonAsync<List<WebhookEndpointResponse>>($"/api/partners/{partner.Id}/webhook-endpoints", Json.Options);
        Assert.Equal(endpoint.Endpoint.Id, Assert.Single(listed!).Id);

        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.ReadyForPickupAsync();
        (await merchant.PostAsJsonAsync($"/api/orders/{order.Id}/assignment", new { partnerId = partner.Id })).EnsureSuccessStatusCode();

        var received = (await receiver.WaitForAsync(r => r.Count >= 1, "the order.assigned delivery")).Single();
        Assert.True(WebhookSignatureVerifier.IsValid(received.Body, received.Signature, endpoint.Secret, DateTimeOffset.UtcNow));
        var body = BodyOf(received);
        Assert.Equal("order.assigned", body.GetProperty("type").GetString());
        Assert.Equal(partner.Id, body.GetProperty("data").GetProperty("assignedPartnerId").GetGuid());
    }

    [Fact]
    public async Task A_delivery_the_receiver_answers_with_500_is_retried_until_it_is_accepted()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var failuresLeft = 2;
        receiver.Answer = (_, _) => Interlocked.Decrement(ref failuresLeft) >= 0 ? 500 : 200;
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var endpoint = await AddEndpointAsync(merchant, receiver.Url, events: ["order.created"]);

        await merchant.CreateOrderAsync();

        var received = await receiver.WaitForAsync(r => r.Any(x => x.AnsweredWith == 200), "an accepted retry");
        Assert.Equal([500, 500, 200], received.Select(r => r.AnsweredWith));
        Assert.Single(received.Select(r => r.EventId).Distinct());
        Assert.Single(received.Select(r => r.Body).Distinct());
        Assert.All(received, r => Assert.True(WebhookSignatureVerifier.IsValid(r.Body, r.Signature, endpoint.Secret, DateTimeOffset.UtcNow)));
        var logged = await WebhookDeliveryLog.WhenAsync(merchant, endpoint.Endpoint.Id, d => d.Count == 1 && d[0].Status == "Delivered");
        Assert.Equal((3, 200), (logged[0].AttemptCount, logged[0].LastStatusCode));
    }

    [Fact]
    public async Task A_delivery_to_a_receiver_that_is_down_is_retried_and_arrives_once_it_is_back()
    {
        await using var receiver = WebhookReceiver.Stopped();
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var endpoint = await AddEndpointAsync(merchant, receiver.Url, events: ["order.created"]);

        await merchant.CreateOrderAsync();

        var failing = await WebhookDeliveryLog.WhenAsync(merchant, endpoint.Endpoint.Id, d => d.Count == 1 && d[0].AttemptCount >= 2);
        Assert.Equal("Pending", failing[0].Status);
        Assert.Equal("Could not connect to the receiver.", failing[0].LastError);
        Assert.Null(failing[0].LastStatusCode);
        Assert.NotNull(failing[0].NextAttemptAt);

        await receiver.StartAgainAsync();
        await receiver.WaitForAsync(r => r.Count >= 1, "the delivery once it was back");
        await WebhookDeliveryLog.WhenAsync(merchant, endpoint.Endpoint.Id, d => d[0].Status == "Delivered");
    }

    [Fact]
    public async Task One_orders_events_reach_an_endpoint_in_order_even_when_the_first_is_retried()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var createdFailures = 3;
        receiver.Answer = (_, body) => body.Contains("\"order.created\"", StringComparison.Ordinal) && Interlocked.Decrement(ref createdFailures) >= 0 ? 500 : 200;
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        await AddEndpointAsync(merchant, receiver.Url);

        var order = await merchant.CreateOrderAsync();
        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
        await merchant.MoveAsync(order.Id, OrderStatus.Preparing);

        var received = await receiver.WaitForAsync(r => r.Count(x => x.AnsweredWith == 200) == 3, "all three events");
        var types = received.Select(r => BodyOf(r).GetProperty("type").GetString()).ToList();
        var firstAccepted = received.ToList().FindIndex(r => r.AnsweredWith == 200);
        Assert.All(types.Take(firstAccepted + 1), type => Assert.Equal("order.created", type));
        Assert.Equal(["order.created", "order.status_changed", "order.status_changed"], received.Where(r => r.AnsweredWith == 200).Select(r => BodyOf(r).GetProperty("type").GetString()));
    }

    [Fact]
    public async Task The_log_shows_each_delivery_and_resend_sends_the_same_event_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var endpoint = await AddEndpointAsync(merchant, receiver.Url, events: ["order.created"]);
        await merchant.CreateOrderAsync();
        var first = (await receiver.WaitForAsync(r => r.Count == 1, "the first delivery")).Single();
        var logged = (await WebhookDeliveryLog.WhenAsync(merchant, endpoint.Endpoint.Id, d => d.Count == 1 && d[0].Status == "Delivered")).Single();
        Assert.NotNull(logged.LastDurationMs);
        Assert.NotNull(logged.LastAttemptAt);
        Assert.Null(logged.NextAttemptAt);

        var resent = await merchant.PostAsync($"/api/webhook-endpoints/{endpoint.Endpoint.Id}/deliveries/{logged.Id}/resend", null);
        await resent.ShouldBeAsync(HttpStatusCode.Accepted);

        var again = (await receiver.WaitForAsync(r => r.Count == 2, "the resent delivery"))[1];
        Assert.Equal(first.EventId, again.EventId);
        Assert.Equal(first.Body, again.Body);
        Assert.True(WebhookSignatureVerifier.IsValid(again.Body, again.Signature, endpoint.Secret, DateTimeOffset.UtcNow));
        await WebhookDeliveryLog.WhenAsync(merchant, endpoint.Endpoint.Id, d => d.Count == 1 && d[0].Status == "Delivered" && d[0].AttemptCount == 2);

        var (stranger, _) = await api.SignedInAsync(UserRole.Merchant);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/webhook-endpoints/{endpoint.Endpoint.Id}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/webhook-endpoints/{endpoint.Endpoint.Id}/deliveries/{logged.Id}/resend", null)).StatusCode);
    }

    [Fact]
    public async Task After_a_rotation_deliveries_carry_a_signature_for_the_new_and_the_previous_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var endpoint = await AddEndpointAsync(merchant, receiver.Url, events: ["order.created"]);

        var rotation = await merchant.PostAsync($"/api/webhook-endpoints/{endpoint.Endpoint.Id}/secret-rotation", null);
        await rotation.ShouldBeAsync(HttpStatusCode.OK);
        var rotated = await rotation.ReadAsync<WebhookEndpointWithSecretResponse>();
        api.RememberSecret(rotated.Secret);
        Assert.NotEqual(endpoint.Secret, rotated.Secret);
        Assert.Matches("^whsec_[A-Za-z0-9_-]{43}$", rotated.Secret);
        Assert.InRange(rotated.Endpoint.PreviousSecretExpiresAt!.Value, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));

        await merchant.CreateOrderAsync();

        var received = (await receiver.WaitForAsync(r => r.Count == 1, "a delivery after the rotation")).Single();
        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$", received.Signature);
        Assert.True(WebhookSignatureVerifier.IsValid(received.Body, received.Signature, rotated.Secret, DateTimeOffset.UtcNow));
        Assert.True(WebhookSignatureVerifier.IsValid(received.Body, received.Signature, endpoint.Secret, DateTimeOffset.UtcNow));

        var listJson = await merchant.GetStringAsync("/api/webhook-endpoints");
        Assert.DoesNotContain(rotated.Secret, listJson);
        Assert.DoesNotContain(endpoint.Secret, listJson);
    }

    [Fact]
    public async Task A_disabled_endpoint_gets_nothing_and_an_enabled_one_only_the_events_it_chose()
    {
        await using var disabledReceiver = await WebhookReceiver.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var disabled = await AddEndpointAsync(merchant, disabledReceiver.Url);
        var patched = await merchant.PatchAsJsonAsync($"/api/webhook-endpoints/{disabled.Endpoint.Id}", new { isEnabled = false });
        await patched.ShouldBeAsync(HttpStatusCode.OK);
        Assert.False((await patched.ReadAsync<WebhookEndpointResponse>()).IsEnabled);
        await AddEndpointAsync(merchant, receiver.Url, events: ["order.status_changed"]);

        var order = await merchant.CreateOrderAsync();
        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);

        var received = (await receiver.WaitForAsync(r => r.Count >= 1, "the status change")).Single();
        Assert.Equal("order.status_changed", BodyOf(received).GetProperty("type").GetString());
        Assert.Equal("Confirmed", BodyOf(received).GetProperty("data").GetProperty("status").GetString());
        Assert.Empty(disabledReceiver.Received);
    }
}
