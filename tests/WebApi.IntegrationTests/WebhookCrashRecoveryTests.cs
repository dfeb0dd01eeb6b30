using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Outbox;
using OrderTracking.Infrastructure.Webhooks;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// At-least-once across a crash: an instance commits changes through the API and dies before it dispatches them; the
/// next instance on the database finds their outbox rows and the merchant's endpoint still gets every event, signed.
/// </summary>
public sealed class WebhookCrashRecoveryTests(WebhookCrashRecoveryTests.Factory api) : IClassFixture<WebhookCrashRecoveryTests.Factory>
{
    /// <summary>The instance started after the crash; it sweeps the outbox every second rather than every ten.</summary>
    public sealed class Factory : WebhookApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(base.ExtraSettings) { ["Outbox:SweepInterval"] = "00:00:01" };
    }

    /// <summary>
    /// An instance on the fixture's database whose outbox dispatcher and delivery worker never run: its commits are
    /// made and answered, and nothing after them happens, as when the process is killed right after each commit.
    /// </summary>
    private sealed class DiesAfterCommit(string connectionString) : WebhookApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(base.ExtraSettings) { ["ConnectionStrings:OrderTracking"] = connectionString };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var afterCommit = services.Where(d => d.ServiceType == typeof(IHostedService) && (Runs<OutboxDispatcher>(d) || Runs<WebhookDeliveryWorker>(d))).ToList();
                if (afterCommit.Count != 2)
                {
                    throw new InvalidOperationException($"Expected the outbox dispatcher and the webhook worker among the hosted services, found {afterCommit.Count} of them.");
                }

                afterCommit.ForEach(d => services.Remove(d));
            });
        }

        private static bool Runs<T>(ServiceDescriptor descriptor) =>
            descriptor.ImplementationType == typeof(T) || descriptor.ImplementationFactory?.Method.ReturnType == typeof(T);
    }

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
            var confirmed = await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
            Assert.Equal(OrderStatus.Confirmed, confirmed.Status);

            // Both changes are committed and answered, and their events wait undispatched: the instance dies here.
            Assert.Equal([("OrderCreated", false), ("OrderStatusChanged", false)], (await OutboxRowsAsync(order.Id)).Select(r => (r.Type, r.Dispatched)));
        }

        Assert.Empty(receiver.Received);

        // The next instance starts on the same database (the first request starts it).
        var merchantAgain = await api.ClientForAsync(merchantUser);

        var received = await receiver.WaitForAsync(r => r.Count >= 2, "the two committed events");
        var rows = await Eventually.WaitForAsync(() => OutboxRowsAsync(order.Id), r => r.All(row => row.Dispatched));
        Assert.All(rows, row => Assert.True(row.Dispatched, $"{row.Type} was not dispatched"));
        var log = await Eventually.WaitForAsync(
            async () => (await merchantAgain.GetFromJsonAsync<List<WebhookDeliveryResponse>>($"/api/webhook-endpoints/{endpoint.Endpoint.Id}/deliveries", Json.Options))!,
            d => d.Count == 2 && d.All(x => x.Status == "Delivered"));
        Assert.Equal(2, log.Count(d => d.Status == "Delivered" && d.AttemptCount == 1));

        received = receiver.Received;
        Assert.Equal(rows.Select(r => r.Id.ToString()), received.Select(r => r.EventId));
        Assert.All(received, r => Assert.True(WebhookSignatureVerifier.IsValid(r.Body, r.Signature, endpoint.Secret, DateTimeOffset.UtcNow), r.Signature));
        var bodies = received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["order.created", "order.status_changed"], bodies.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal(received.Select(r => r.EventId), bodies.Select(b => b.GetProperty("id").GetString()));
        Assert.All(bodies, b => Assert.Equal(order.Id, b.GetProperty("data").GetProperty("id").GetGuid()));
        Assert.Equal("Confirmed", bodies[1].GetProperty("data").GetProperty("status").GetString());
    }
}
