using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// Managing endpoints against a real receiver: the cap per owner, deletion, test events and the attempt log, and what
/// happens to an owner's endpoints when its account ends; admins manage every endpoint.
/// </summary>
public sealed class WebhookEndpointManagementTests(WebhookApiFactory api) : IClassFixture<WebhookApiFactory>
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

    private async Task<long> CountAsync(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task An_owner_past_ten_endpoints_gets_409_and_concurrent_creations_take_the_free_places_and_then_hear_of_the_cap()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var endpoints = new List<WebhookEndpointWithSecretResponse>();
        for (var i = 0; i < 10; i++)
        {
            endpoints.Add(await AddEndpointAsync(merchant, "https://93.184.215.14/hooks"));
        }

        var eleventh = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = "https://93.184.215.14/hooks", events = AllEvents });

        await eleventh.ShouldBeAsync(HttpStatusCode.Conflict);
        Assert.Contains("at most 10 webhook endpoints", (await eleventh.ProblemAsync()).Detail);
        Assert.Equal(10, (await merchant.GetFromJsonAsync<List<WebhookEndpointResponse>>("/api/webhook-endpoints", Json.Options))!.Count);

        // Two places free up; six creations race for them.
        foreach (var endpoint in endpoints.Take(2))
        {
            await (await merchant.DeleteAsync($"/api/webhook-endpoints/{endpoint.Endpoint.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);
        }

        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = "https://93.184.215.14/hooks", events = AllEvents })));
        foreach (var response in racing.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            api.RememberSecret((await response.ReadAsync<WebhookEndpointWithSecretResponse>()).Secret);
        }

        // Whoever loses a race for a place takes the next free one, and once none is left hears of the cap, not of a
        // generic duplicate.
        Assert.Equal(2, racing.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in racing.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.ShouldBeAsync(HttpStatusCode.Conflict);
            Assert.Contains("at most 10 webhook endpoints", (await refused.ProblemAsync()).Detail);
        }

        Assert.Equal(10, (await merchant.GetFromJsonAsync<List<WebhookEndpointResponse>>("/api/webhook-endpoints", Json.Options))!.Count);
    }

    [Fact]
    public async Task A_deleted_endpoint_gets_nothing_more_and_its_log_goes_with_it()
    {
        await using var failing = await WebhookReceiver.StartAsync();
        failing.Answer = (_, _) => 500;
        await using var control = await WebhookReceiver.StartAsync();
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var doomed = await AddEndpointAsync(merchant, failing.Url, events: ["order.created"]);
        await AddEndpointAsync(merchant, control.Url, events: ["order.created"]);
        await merchant.CreateOrderAsync();
        await WebhookDeliveryLog.WhenAsync(merchant, doomed.Endpoint.Id, d => d.Count == 1 && d[0].AttemptCount >= 2 && d[0].Status == "Pending");

        await (await merchant.DeleteAsync($"/api/webhook-endpoints/{doomed.Endpoint.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);
        var arrivedAtDeletion = failing.Arrived;

        Assert.Equal(0, await CountAsync("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = @id", doomed.Endpoint.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await merchant.GetAsync($"/api/webhook-endpoints/{doomed.Endpoint.Id}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await merchant.DeleteAsync($"/api/webhook-endpoints/{doomed.Endpoint.Id}")).StatusCode);

        // The worker keeps running (the control endpoint hears of two new orders); the deleted one hears of nothing new,
        // at most of a send that was already on its way when it was deleted (one endpoint has at most 2 in flight).
        await merchant.CreateOrderAsync();
        await merchant.CreateOrderAsync();
        await control.WaitForAsync(r => r.Count == 3, "the orders created after the deletion");
        Assert.InRange(failing.Arrived, arrivedAtDeletion, arrivedAtDeletion + 2);
        Assert.DoesNotContain((await merchant.GetFromJsonAsync<List<WebhookEndpointResponse>>("/api/webhook-endpoints", Json.Options))!, e => e.Id == doomed.Endpoint.Id);
    }

    [Fact]
    public async Task A_test_event_goes_through_the_normal_path_and_the_log_shows_each_attempts_request_and_answer()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.ResponseBody = new string('x', 5000);
        receiver.ResponseHeaders["Set-Cookie"] = "receiver-session=private";
        receiver.ResponseHeaders["X-Internal-Route"] = "node-7";
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var endpoint = await AddEndpointAsync(merchant, receiver.Url, events: ["order.created"]);

        var sent = await merchant.PostAsync($"/api/webhook-endpoints/{endpoint.Endpoint.Id}/test", null);

        await sent.ShouldBeAsync(HttpStatusCode.Accepted);
        var planned = await sent.ReadAsync<WebhookDeliveryResponse>();
        Assert.Equal(("endpoint.test", (Guid?)null), (planned.EventType, planned.OrderId));
        var received = (await receiver.WaitForAsync(r => r.Count == 1, "the test event")).Single();
        Assert.True(WebhookSignatureVerifier.IsValid(received.Body, received.Signature, endpoint.Secret, DateTimeOffset.UtcNow));
        var body = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal(("endpoint.test", planned.EventId.ToString()), (body.GetProperty("type").GetString(), received.EventId));
        Assert.Equal(endpoint.Endpoint.Id, body.GetProperty("data").GetProperty("endpointId").GetGuid());

        var detail = await Eventually.WaitForAsync(
            async () => (await merchant.GetFromJsonAsync<WebhookDeliveryDetailResponse>($"/api/webhook-endpoints/{endpoint.Endpoint.Id}/deliveries/{planned.Id}", Json.Options))!,
            d => d.Attempts.Count == 1);
        var attempt = Assert.Single(detail.Attempts);
        Assert.Equal(received.Body, detail.RequestBody);
        Assert.Equal(200, attempt.StatusCode);
        Assert.Contains($"Webhook-Id: {received.EventId}", attempt.RequestHeaders);
        Assert.Contains($"X-OrderTracking-Signature: {received.Signature}", attempt.RequestHeaders);
        Assert.Contains("Content-Type: text/plain", attempt.ResponseHeaders);
        Assert.DoesNotContain("receiver-session", attempt.ResponseHeaders);
        Assert.DoesNotContain("node-7", attempt.ResponseHeaders);
        Assert.Equal((2048, true), (attempt.ResponseBody!.Length, attempt.ResponseBodyTruncated));

        var (stranger, _) = await api.SignedInAsync(UserRole.Merchant);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/webhook-endpoints/{endpoint.Endpoint.Id}/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/webhook-endpoints/{endpoint.Endpoint.Id}/deliveries/{planned.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_merchants_endpoint_is_disabled_and_receives_nothing_more_even_when_enabled_again()
    {
        await using var merchantReceiver = await WebhookReceiver.StartAsync();
        await using var partnerReceiver = await WebhookReceiver.StartAsync();
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var endpoint = await AddEndpointAsync(merchant, merchantReceiver.Url);
        var partner = await (await admin.PostAsJsonAsync("/api/partners", new { name = $"Watching Couriers {Guid.NewGuid():N}" })).ReadAsync<PartnerResponse>();
        await AddEndpointAsync(admin, partnerReceiver.Url, $"/api/partners/{partner.Id}/webhook-endpoints", ["order.status_changed"]);
        var order = await merchant.ReadyForPickupAsync();
        (await merchant.PostAsJsonAsync($"/api/orders/{order.Id}/assignment", new { partnerId = partner.Id })).EnsureSuccessStatusCode();
        await merchantReceiver.WaitForAsync(r => r.Count == 5, "the order's five events");

        var deactivated = await admin.PatchAsJsonAsync($"/api/users/{merchantUser.Id}", new { isActive = false });
        await deactivated.ShouldBeAsync(HttpStatusCode.OK);

        var listed = Assert.Single((await admin.GetFromJsonAsync<List<WebhookEndpointResponse>>($"/api/users/{merchantUser.Id}/webhook-endpoints", Json.Options))!);
        Assert.Equal((endpoint.Endpoint.Id, false, "OwnerDeactivated"), (listed.Id, listed.IsEnabled, listed.DisabledReason));
        Assert.NotNull(listed.DisabledAt);

        // Even switched back on (by an admin), an inactive owner's endpoint is neither planned for nor sent to.
        await (await admin.PatchAsJsonAsync($"/api/webhook-endpoints/{endpoint.Endpoint.Id}", new { isEnabled = true })).ShouldBeAsync(HttpStatusCode.OK);
        await admin.MoveAsync(order.Id, OrderStatus.PickedUp);

        // The partner in charge hears of the pick-up (the event was dispatched and planned); the merchant does not.
        await partnerReceiver.WaitForAsync(r => r.Any(x => x.Body.Contains("\"PickedUp\"", StringComparison.Ordinal)), "the pick-up at the partner");
        Assert.Equal(5, merchantReceiver.Received.Count);
        Assert.DoesNotContain(await WebhookDeliveryLog.ReadAsync(admin, endpoint.Endpoint.Id), d => d.Status == "Pending");
        Assert.Equal(5, (await WebhookDeliveryLog.ReadAsync(admin, endpoint.Endpoint.Id)).Count);
    }

    [Fact]
    public async Task A_role_change_or_a_partners_deactivation_disables_their_endpoints_with_the_reason()
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var merchantEndpoint = await AddEndpointAsync(merchant, "https://93.184.215.14/hooks");
        var partner = await (await admin.PostAsJsonAsync("/api/partners", new { name = $"Closing Couriers {Guid.NewGuid():N}" })).ReadAsync<PartnerResponse>();
        await AddEndpointAsync(admin, "https://93.184.215.14/hooks", $"/api/partners/{partner.Id}/webhook-endpoints");

        await (await admin.PatchAsJsonAsync($"/api/users/{merchantUser.Id}", new { role = "Delivery" })).ShouldBeAsync(HttpStatusCode.OK);
        await (await admin.PatchAsJsonAsync($"/api/partners/{partner.Id}", new { isActive = false })).ShouldBeAsync(HttpStatusCode.OK);

        var merchantsNow = await api.WithDbAsync(db => Task.FromResult(db.WebhookEndpoints.Single(e => e.Id == merchantEndpoint.Endpoint.Id)));
        Assert.Equal((false, OrderTracking.Domain.Webhooks.WebhookDisabledReason.OwnerNoLongerMerchant), (merchantsNow.IsEnabled, merchantsNow.DisabledReason));
        var partners = Assert.Single((await admin.GetFromJsonAsync<List<WebhookEndpointResponse>>($"/api/partners/{partner.Id}/webhook-endpoints", Json.Options))!);
        Assert.Equal((false, "OwnerDeactivated"), (partners.IsEnabled, partners.DisabledReason));
    }

    [Fact]
    public async Task An_admin_lists_disables_and_deletes_any_merchants_or_partners_endpoint()
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var merchantEndpoint = await AddEndpointAsync(merchant, "https://93.184.215.14/hooks");
        var partner = await (await admin.PostAsJsonAsync("/api/partners", new { name = $"Managed Couriers {Guid.NewGuid():N}" })).ReadAsync<PartnerResponse>();
        var partnerEndpoint = await AddEndpointAsync(admin, "https://93.184.215.14/hooks", $"/api/partners/{partner.Id}/webhook-endpoints");

        var listed = Assert.Single((await admin.GetFromJsonAsync<List<WebhookEndpointResponse>>($"/api/users/{merchantUser.Id}/webhook-endpoints", Json.Options))!);
        Assert.Equal(("Merchant", merchantUser.Id), (listed.OwnerType, listed.OwnerId));

        var disabled = await admin.PatchAsJsonAsync($"/api/webhook-endpoints/{merchantEndpoint.Endpoint.Id}", new { isEnabled = false });
        await disabled.ShouldBeAsync(HttpStatusCode.OK);
        var disabledEndpoint = await disabled.ReadAsync<WebhookEndpointResponse>();
        Assert.Equal((false, "Manually"), (disabledEndpoint.IsEnabled, disabledEndpoint.DisabledReason));

        await (await admin.DeleteAsync($"/api/webhook-endpoints/{merchantEndpoint.Endpoint.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);
        await (await admin.DeleteAsync($"/api/webhook-endpoints/{partnerEndpoint.Endpoint.Id}")).ShouldBeAsync(HttpStatusCode.NoContent);

        Assert.Empty((await merchant.GetFromJsonAsync<List<WebhookEndpointResponse>>("/api/webhook-endpoints", Json.Options))!);
        Assert.Empty((await admin.GetFromJsonAsync<List<WebhookEndpointResponse>>($"/api/partners/{partner.Id}/webhook-endpoints", Json.Options))!);
        var (otherMerchant, _) = await api.SignedInAsync(UserRole.Merchant);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherMerchant.GetAsync($"/api/users/{merchantUser.Id}/webhook-endpoints")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/users/{Guid.NewGuid()}/webhook-endpoints")).StatusCode);
    }
}
