using System.Net;
using System.Net.Http.Json;
using Npgsql;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// An endpoint that keeps failing is disabled once its attempts have failed for the configured time (2 s here instead
/// of 3 days; the Domain tests hold the rule itself), and its owner reads why.
/// </summary>
public sealed class WebhookFailingEndpointTests(WebhookFailingEndpointTests.Factory api) : IClassFixture<WebhookFailingEndpointTests.Factory>
{
    private static readonly TimeSpan DisableAfter = TimeSpan.FromSeconds(2);

    public sealed class Factory : WebhookApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(base.ExtraSettings) { ["Webhooks:DisableAfterFailingSeconds"] = "2" };
    }

    [Fact]
    public async Task An_endpoint_whose_attempts_fail_for_the_configured_time_is_disabled_with_the_reason_and_gets_no_new_deliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, _) => 503;
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var created = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = receiver.Url, events = new[] { "order.created" } });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var endpoint = await created.ReadAsync<WebhookEndpointWithSecretResponse>();
        api.RememberSecret(endpoint.Secret);

        await merchant.CreateOrderAsync();

        var disabled = await Eventually.WaitForAsync(
            async () => (await merchant.GetFromJsonAsync<List<WebhookEndpointResponse>>("/api/webhook-endpoints", Json.Options))!.Single(),
            e => !e.IsEnabled);
        Assert.Equal((false, "KeptFailing"), (disabled.IsEnabled, disabled.DisabledReason));
        Assert.True(disabled.DisabledAt - disabled.FailingSince >= DisableAfter, $"Disabled at {disabled.DisabledAt:O}, failing since {disabled.FailingSince:O}.");
        var attemptsWhenDisabled = receiver.Arrived;
        Assert.True(attemptsWhenDisabled >= 2);

        // The next order's event is dispatched, and nothing is planned for the disabled endpoint.
        var order = await merchant.CreateOrderAsync();
        await Eventually.WaitForAsync(() => UndispatchedAsync(order.Id), count => count == 0);
        Assert.Equal(0, await UndispatchedAsync(order.Id));
        var log = await WebhookDeliveryLog.ReadAsync(merchant, endpoint.Endpoint.Id);
        Assert.DoesNotContain(log, d => d.OrderId == order.Id);
        Assert.InRange(receiver.Arrived, attemptsWhenDisabled, attemptsWhenDisabled + 1);

        // Enabling it again clears the reason and the failures.
        var enabled = await merchant.PatchAsJsonAsync($"/api/webhook-endpoints/{endpoint.Endpoint.Id}", new { isEnabled = true });
        var again = await enabled.ReadAsync<WebhookEndpointResponse>();
        Assert.Equal((true, (string?)null, (DateTimeOffset?)null), (again.IsEnabled, again.DisabledReason, again.FailingSince));
    }

    private async Task<long> UndispatchedAsync(Guid orderId)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND dispatched_at IS NULL", connection);
        count.Parameters.AddWithValue("id", orderId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
