using System.Net;
using System.Net.Http.Json;
using Npgsql;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Webhooks;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>Managing endpoints, with loopback NOT allowed: the SSRF refusals on save, who may manage what, bad input.</summary>
public sealed class WebhookEndpointTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://10.0.0.1/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://localhost/hooks")]
    [InlineData("https://[::1]/hooks")]
    [InlineData("https://192.168.1.20/hooks")]
    [InlineData("https://[::ffff:127.0.0.1]/hooks")]
    [InlineData("https://0.0.0.0/hooks")]
    [InlineData("https://[64:ff9b:1::a00:1]/hooks")]
    [InlineData("https://[2002:c0a8:101::1]/hooks")]
    [InlineData("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hooks")]
    [InlineData("https://[::a00:1]/hooks")]
    [InlineData("https://[100::1]/hooks")]
    [InlineData("https://168.63.129.16/hooks")]
    [InlineData("https://no-such-host.invalid/hooks")]
    public async Task An_endpoint_that_resolves_to_an_internal_address_or_not_at_all_is_refused_with_one_message_for_every_reason(string url)
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);

        var response = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url, events = new[] { "order.created" } });

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        var problem = await response.ProblemAsync();
        Assert.Equal(WebhookDestination.Refusal, Assert.Single(problem.Errors!["url"]));
        Assert.Empty(await merchant.GetFromJsonAsync<List<WebhookEndpointResponse>>("/api/webhook-endpoints", Json.Options) ?? []);
    }

    [Theory]
    [InlineData("http://93.184.215.14/hooks", "https")]
    [InlineData("https://user:pw@93.184.215.14/hooks", "user name")]
    [InlineData("not a url", "absolute")]
    [InlineData("https://8.8.8.8:22/hooks", "port 443")]
    [InlineData("https://93.184.215.14:8443/hooks", "port 443")]
    public async Task An_endpoint_url_of_the_wrong_shape_is_refused(string url, string expected)
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var response = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url, events = new[] { "order.created" } });
        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains(expected, Assert.Single((await response.ProblemAsync()).Errors!["url"]));
    }

    [Fact]
    public async Task Changing_an_endpoint_to_an_internal_address_is_refused_too()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var created = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = "https://93.184.215.14/hooks", events = new[] { "order.created" } });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var endpoint = await created.ReadAsync<WebhookEndpointWithSecretResponse>();
        api.RememberSecret(endpoint.Secret);

        var patched = await merchant.PatchAsJsonAsync($"/api/webhook-endpoints/{endpoint.Endpoint.Id}", new { url = "https://169.254.169.254/" });

        await patched.ShouldBeAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_events_are_refused_and_only_owners_reach_an_endpoint()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var unknown = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = "https://93.184.215.14/hooks", events = new[] { "order.deleted" } });
        await unknown.ShouldBeAsync(HttpStatusCode.BadRequest);
        var none = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = "https://93.184.215.14/hooks", events = Array.Empty<string>() });
        await none.ShouldBeAsync(HttpStatusCode.BadRequest);

        var created = await (await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = "https://93.184.215.14/hooks", events = new[] { "order.created" } })).ReadAsync<WebhookEndpointWithSecretResponse>();
        api.RememberSecret(created.Secret);
        var (otherMerchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var (courier, _) = await api.SignedInAsync(UserRole.Delivery);

        Assert.Equal(HttpStatusCode.NotFound, (await otherMerchant.PatchAsJsonAsync($"/api/webhook-endpoints/{created.Endpoint.Id}", new { isEnabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/api/webhook-endpoints/{created.Endpoint.Id}/secret-rotation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PatchAsJsonAsync($"/api/webhook-endpoints/{created.Endpoint.Id}", new { url = "https://93.184.215.15/hooks" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await courier.GetAsync("/api/webhook-endpoints")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/webhook-endpoints")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await merchant.GetAsync($"/api/partners/{Guid.NewGuid()}/webhook-endpoints")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/partners/{Guid.NewGuid()}/webhook-endpoints")).StatusCode);
    }

    [Fact]
    public async Task An_endpoint_whose_name_now_resolves_to_loopback_is_refused_at_send_time()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);

        // Saved while it pointed elsewhere; the name resolves to loopback now (DNS rebinding), so only the send-time check stands.
        var created = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = "https://93.184.215.14/hooks", events = new[] { "order.created" } });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var saved = await created.ReadAsync<WebhookEndpointWithSecretResponse>();
        api.RememberSecret(saved.Secret);
        var endpointId = saved.Endpoint.Id;
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand("UPDATE webhook_endpoints SET url = @url WHERE id = @id", connection);
            update.Parameters.AddWithValue("id", endpointId);
            update.Parameters.AddWithValue("url", "https://localhost/hooks");
            await update.ExecuteNonQueryAsync();
        }

        await merchant.CreateOrderAsync();

        var deliveries = await Eventually.WaitForAsync(
            () => merchant.GetFromJsonAsync<List<WebhookDeliveryResponse>>($"/api/webhook-endpoints/{endpointId}/deliveries", Json.Options)!,
            d => d!.Count == 1 && d[0].AttemptCount >= 1 && d[0].LastError is not null);
        var attempt = Assert.Single(deliveries!);
        Assert.Equal(WebhookDestination.Refusal, attempt.LastError);
        Assert.Null(attempt.LastStatusCode);
        Assert.Empty(receiver.Received);
    }
}
