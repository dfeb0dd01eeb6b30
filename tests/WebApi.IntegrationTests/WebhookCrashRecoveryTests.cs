using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// At-least-once across a crash: an instance commits changes through the API and dies before it dispatches them; the
/// next instance on the database finds their outbox rows and the merchant's endpoint still gets every event, signed,
/// each showing the order as it was right after that event, not as it is when the late dispatch reads it.
/// </summary>
public sealed class WebhookCrashRecoveryTests(NextInstanceFactory api) : IClassFixture<NextInstanceFactory>
{
    private async Task<List<(Guid Id, string Type, bool Dispatched)>> OutboxRowsAsync(Guid orderId)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT id, type, dispatched_at IS NOT NULL FROM outbox_messages WHERE aggregate_id = @id ORDER BY occurred_at, id", connection);
        select.Parameters.AddWithValue("id", orderId);
        await using var reader = await select.ExecuteReaderAsync();
        var rows = new List<(Guid, string, bool)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetBoolean(2)));
        }

        return rows;
    }

    [Fact]
    public async Task Changes_committed_by_an_instance_killed_before_dispatch_reach_the_endpoint_once_each_signed_when_the_next_instance_sweeps()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        TestUser merchantUser;
        WebhookEndpointWithSecretResponse endpoint;
        OrderResponse order;
        await using (var dying = new DiesAfterCommit(api.ConnectionString))
        {
            HttpClient merchant;
            (merchant, merchantUser) = await dying.SignedInAsync(UserRole.Merchant);
            var created = await merchant.PostAsJsonAsync("/api/webhook-endpoints", new { url = receiver.Url, events = new[] { "order.created", "order.status_changed", "order.assigned" } });
            await created.ShouldBeAsync(HttpStatusCode.Created);
            endpoint = await created.ReadAsync<WebhookEndpointWithSecretResponse>();
            api.RememberSecret(endpoint.Secret);
            dying.RememberSecret(endpoint.Secret);

            order = await merchant.CreateOrderAsync();
            await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
            var preparing = await merchant.MoveAsync(order.Id, OrderStatus.Preparing);
            Assert.Equal(OrderStatus.Preparing, preparing.Status);

            // The changes are committed and answered, and their events wait undispatched: the instance dies here.
            Assert.Equal([("OrderCreated", false), ("OrderStatusChanged", false), ("OrderStatusChanged", false)], (await OutboxRowsAsync(order.Id)).Select(r => (r.Type, r.Dispatched)));
        }

        Assert.Empty(receiver.Received);

        // The next instance starts on the same database (the first request starts it).
        var merchantAgain = await api.ClientForAsync(merchantUser);

        var received = await receiver.WaitForAsync(r => r.Count >= 3, "the three committed events");
        var rows = await Eventually.WaitForAsync(() => OutboxRowsAsync(order.Id), r => r.All(row => row.Dispatched));
        Assert.All(rows, row => Assert.True(row.Dispatched, $"{row.Type} was not dispatched"));
        var log = await Eventually.WaitForAsync(
            async () => (await merchantAgain.GetFromJsonAsync<List<WebhookDeliveryResponse>>($"/api/webhook-endpoints/{endpoint.Endpoint.Id}/deliveries", Json.Options))!,
            d => d.Count == 3 && d.All(x => x.Status == "Delivered"));
        Assert.Equal(3, log.Count(d => d.Status == "Delivered" && d.AttemptCount == 1));

        received = receiver.Received;
        Assert.Equal(rows.Select(r => r.Id.ToString()), received.Select(r => r.EventId));
        Assert.All(received, r => Assert.True(WebhookSignatureVerifier.IsValid(r.Body, r.Signature, endpoint.Secret, DateTimeOffset.UtcNow), r.Signature));
        var bodies = received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["order.created", "order.status_changed", "order.status_changed"], bodies.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal(received.Select(r => r.EventId), bodies.Select(b => b.GetProperty("id").GetString()));
        Assert.All(bodies, b => Assert.Equal(order.Id, b.GetProperty("data").GetProperty("id").GetGuid()));

        // Dispatched after the order reached Preparing, each body still tells its own event's state.
        Assert.Equal(["Pending", "Confirmed", "Preparing"], bodies.Select(b => b.GetProperty("data").GetProperty("status").GetString()));
        Assert.Equal(["Confirmed", "Cancelled"], bodies[0].GetProperty("data").GetProperty("allowedTransitions").EnumerateArray().Select(t => t.GetString()));
        Assert.All(bodies, b => Assert.Equal(b.GetProperty("createdAt").GetDateTimeOffset(), b.GetProperty("data").GetProperty("updatedAt").GetDateTimeOffset()));
    }
}
