using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>Two API instances over one database, both dispatching the outbox and both running the delivery worker.</summary>
public sealed class WebhookScaleOutTests(WebhookApiFactory api) : IClassFixture<WebhookApiFactory>
{
    /// <summary>A second instance of the same app on the first one's database.</summary>
    private sealed class SecondInstance(string connectionString) : WebhookApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(base.ExtraSettings) { ["ConnectionStrings:OrderTracking"] = connectionString };
    }

    [Fact]
    public async Task Two_instances_deliver_each_event_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var second = new SecondInstance(api.ConnectionString);
        var (merchantOnFirst, user) = await api.SignedInAsync(UserRole.Merchant);
        var merchantOnSecond = await second.ClientForAsync(user);
        var created = await merchantOnFirst.PostAsJsonAsync("/api/webhook-endpoints", new { url = receiver.Url, events = new[] { "order.created" } });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var endpoint = await created.ReadAsync<WebhookEndpointWithSecretResponse>();
        api.RememberSecret(endpoint.Secret);

        for (var i = 0; i < 6; i++)
        {
            await (i % 2 == 0 ? merchantOnFirst : merchantOnSecond).CreateOrderAsync();
        }

        var deliveries = await Eventually.WaitForAsync(
            async () => (await merchantOnFirst.GetFromJsonAsync<List<WebhookDeliveryResponse>>($"/api/webhook-endpoints/{endpoint.Endpoint.Id}/deliveries", Json.Options))!,
            d => d.Count == 6 && d.All(x => x.Status == "Delivered"));
        Assert.Equal(6, deliveries.Count(d => d.Status == "Delivered"));
        Assert.All(deliveries, d => Assert.Equal(1, d.AttemptCount));
        var received = receiver.Received;
        Assert.Equal(6, received.Select(r => r.EventId).Distinct().Count());
        Assert.Equal(6, received.Count);
    }
}
