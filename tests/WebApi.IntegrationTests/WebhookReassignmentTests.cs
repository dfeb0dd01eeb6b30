using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// An event goes to the partner in charge of the order when it happened, even when it is dispatched late (here after a
/// crash) and the order has been reassigned since: the new partner does not get the old assignment as if it were its own.
/// </summary>
public sealed class WebhookReassignmentTests(NextInstanceFactory api) : IClassFixture<NextInstanceFactory>
{
    private static readonly string[] Events = ["order.assigned", "order.status_changed"];

    private static async Task<(PartnerResponse Partner, WebhookEndpointWithSecretResponse Endpoint)> PartnerWithEndpointAsync(ApiFactory instance, HttpClient admin, string url)
    {
        var partner = await (await admin.PostAsJsonAsync("/api/partners", new { name = $"Reassigned Couriers {Guid.NewGuid():N}" })).ReadAsync<PartnerResponse>();
        var created = await admin.PostAsJsonAsync($"/api/partners/{partner.Id}/webhook-endpoints", new { url, events = Events });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var endpoint = await created.ReadAsync<WebhookEndpointWithSecretResponse>();
        instance.RememberSecret(endpoint.Secret);
        return (partner, endpoint);
    }

    private async Task<List<Guid>> UndispatchedAssignmentsAsync(Guid orderId)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT id FROM outbox_messages WHERE aggregate_id = @id AND type = 'OrderAssigned' AND dispatched_at IS NULL ORDER BY occurred_at", connection);
        select.Parameters.AddWithValue("id", orderId);
        await using var reader = await select.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private async Task<bool> AllDispatchedAsync(Guid orderId)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND dispatched_at IS NULL", connection);
        count.Parameters.AddWithValue("id", orderId);
        return (long)(await count.ExecuteScalarAsync())! == 0;
    }

    [Fact]
    public async Task An_assignment_dispatched_after_the_order_was_reassigned_reaches_neither_partner_and_the_new_one_hears_of_its_own_once()
    {
        await using var firstReceiver = await WebhookReceiver.StartAsync();
        await using var secondReceiver = await WebhookReceiver.StartAsync();
        TestUser adminUser;
        WebhookEndpointWithSecretResponse firstEndpoint, secondEndpoint;
        PartnerResponse secondPartner;
        List<Guid> assignments;
        Guid orderId;
        await using (var dying = new DiesAfterCommit(api.ConnectionString))
        {
            HttpClient admin;
            (admin, adminUser) = await dying.SignedInAsync(UserRole.Admin);
            var (firstPartner, first) = await PartnerWithEndpointAsync(dying, admin, firstReceiver.Url);
            (secondPartner, secondEndpoint) = await PartnerWithEndpointAsync(dying, admin, secondReceiver.Url);
            firstEndpoint = first;
            var (merchant, _) = await dying.SignedInAsync(UserRole.Merchant);
            orderId = (await merchant.ReadyForPickupAsync()).Id;

            // Assigned to the first partner, then to the second; both committed, neither dispatched: the instance dies.
            (await merchant.PostAsJsonAsync($"/api/orders/{orderId}/assignment", new { partnerId = firstPartner.Id })).EnsureSuccessStatusCode();
            (await merchant.PostAsJsonAsync($"/api/orders/{orderId}/assignment", new { partnerId = secondPartner.Id })).EnsureSuccessStatusCode();
            assignments = await UndispatchedAssignmentsAsync(orderId);
            Assert.Equal(2, assignments.Count);
        }

        var adminAgain = await api.ClientForAsync(adminUser);
        Assert.True(await Eventually.WaitForAsync(() => AllDispatchedAsync(orderId), done => done), "The next instance did not dispatch the dead one's events.");

        // Every delivery is planned by the time its event is marked dispatched.
        var toFirst = await adminAgain.GetFromJsonAsync<List<WebhookDeliveryResponse>>($"/api/webhook-endpoints/{firstEndpoint.Endpoint.Id}/deliveries", Json.Options);
        var toSecond = await adminAgain.GetFromJsonAsync<List<WebhookDeliveryResponse>>($"/api/webhook-endpoints/{secondEndpoint.Endpoint.Id}/deliveries", Json.Options);
        Assert.Empty(toFirst!);
        var delivery = Assert.Single(toSecond!);
        Assert.Equal((assignments[1], "order.assigned"), (delivery.EventId, delivery.EventType));

        var received = (await secondReceiver.WaitForAsync(r => r.Count >= 1, "the second partner's assignment")).Single();
        Assert.Equal(assignments[1].ToString(), received.EventId);
        Assert.True(WebhookSignatureVerifier.IsValid(received.Body, received.Signature, secondEndpoint.Secret, DateTimeOffset.UtcNow));
        Assert.Equal(secondPartner.Id, JsonDocument.Parse(received.Body).RootElement.GetProperty("data").GetProperty("assignedPartnerId").GetGuid());
        Assert.Empty(firstReceiver.Received);
    }
}
