using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class PartnerApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<(HttpClient Admin, PartnerResponse Partner, IssuedKeyResponse Key)> PartnerWithKeyAsync(string? name = null)
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var created = await admin.PostAsJsonAsync("/api/partners", new { name = name ?? $"Fast Couriers {Guid.NewGuid():N}" });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var partner = await created.ReadAsync<PartnerResponse>();
        var issued = await admin.PostAsJsonAsync($"/api/partners/{partner.Id}/api-keys", new { name = "dispatcher" });
        await issued.ShouldBeAsync(HttpStatusCode.Created);
        var key = await issued.ReadAsync<IssuedKeyResponse>();
        api.RememberSecret(key.Key);
        return (admin, partner, key);
    }

    private HttpClient PartnerClient(string key)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private async Task<OrderResponse> OrderAssignedToPartnerAsync(Guid partnerId)
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.ReadyForPickupAsync();
        var assigned = await merchant.PostAsJsonAsync($"/api/orders/{order.Id}/assignment", new { partnerId });
        await assigned.ShouldBeAsync(HttpStatusCode.OK);
        return await assigned.ReadAsync<OrderResponse>();
    }

    [Fact]
    public async Task Key_lifecycle_issue_use_two_at_once_revoke_and_deactivate()
    {
        var (admin, partner, first) = await PartnerWithKeyAsync();
        Assert.Matches("^otp_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$", first.Key);
        Assert.StartsWith(first.Prefix, first.Key);
        var second = await (await admin.PostAsJsonAsync($"/api/partners/{partner.Id}/api-keys", new { name = "rotation" })).ReadAsync<IssuedKeyResponse>();
        api.RememberSecret(second.Key);

        Assert.Equal(HttpStatusCode.OK, (await PartnerClient(first.Key).GetAsync("/api/partner/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PartnerClient(second.Key).GetAsync("/api/partner/orders")).StatusCode);

        var listed = await admin.GetFromJsonAsync<List<ApiKeyResponse>>($"/api/partners/{partner.Id}/api-keys", Json.Options);
        Assert.Equal(2, listed!.Count);
        Assert.NotNull(listed.Single(k => k.Id == first.Id).LastUsedAt);
        var listJson = await admin.GetStringAsync($"/api/partners/{partner.Id}/api-keys");
        Assert.DoesNotContain(first.Key[13..], listJson);

        (await admin.DeleteAsync($"/api/partners/{partner.Id}/api-keys/{first.Id}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PartnerClient(first.Key).GetAsync("/api/partner/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PartnerClient(second.Key).GetAsync("/api/partner/orders")).StatusCode);
        Assert.NotNull((await admin.GetFromJsonAsync<List<ApiKeyResponse>>($"/api/partners/{partner.Id}/api-keys", Json.Options))!.Single(k => k.Id == first.Id).RevokedAt);

        (await admin.PatchAsJsonAsync($"/api/partners/{partner.Id}", new { isActive = false })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PartnerClient(second.Key).GetAsync("/api/partner/orders")).StatusCode);
    }

    [Fact]
    public async Task The_stored_key_row_holds_no_part_of_the_secret()
    {
        var (_, _, issued) = await PartnerWithKeyAsync();
        var secret = issued.Key[(issued.Prefix.Length + 1)..];

        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT row_to_json(k)::text FROM partner_api_keys k WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", issued.Id);
        var row = (string)(await command.ExecuteScalarAsync())!;

        Assert.Equal(43, secret.Length);
        for (var i = 0; i + 6 <= secret.Length; i++)
        {
            Assert.DoesNotContain(secret.Substring(i, 6), row);
        }
    }

    [Fact]
    public async Task Schemes_do_not_cross_and_bad_keys_all_get_the_same_401()
    {
        var (_, _, issued) = await PartnerWithKeyAsync();
        var (userClient, _) = await api.SignedInAsync(UserRole.Admin);

        var jwtOnPartnerRoute = await userClient.GetAsync("/api/partner/orders");
        var keyOnUserRoute = await PartnerClient(issued.Key).GetAsync("/api/orders");
        var malformed = await PartnerClient("not-a-key").GetAsync("/api/partner/orders");
        var unknown = await PartnerClient("otp_AAAAAAAA_" + new string('b', 43)).GetAsync("/api/partner/orders");
        var wrongSecret = await PartnerClient(issued.Key[..^1] + (issued.Key[^1] == 'a' ? 'b' : 'a')).GetAsync("/api/partner/orders");

        Assert.All([jwtOnPartnerRoute, keyOnUserRoute, malformed, unknown, wrongSecret], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var bodies = await Task.WhenAll(new[] { malformed, unknown, wrongSecret }.Select(async r => (await r.ProblemAsync()) with { }));
        Assert.Single(bodies.Select(b => (b.Type, b.Title, b.Detail)).Distinct());
    }

    [Fact]
    public async Task A_partner_moves_its_order_to_Delivered_by_tracking_code_and_the_merchant_sees_each_step_once()
    {
        var (_, partner, issued) = await PartnerWithKeyAsync("Speedy Parcels");
        var order = await OrderAssignedToPartnerAsync(partner.Id);
        var client = PartnerClient(issued.Key);

        var mine = await client.GetFromJsonAsync<OrderPageResponse>("/api/partner/orders", Json.Options);
        Assert.Equal([order.Id], mine!.Items.Select(o => o.Id));
        Assert.Equal([OrderStatus.PickedUp], mine.Items[0].AllowedTransitions);

        foreach (var status in new[] { OrderStatus.PickedUp, OrderStatus.InTransit, OrderStatus.Delivered })
        {
            var key = Guid.NewGuid().ToString();
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"/api/partner/orders/{order.TrackingCode}/status")
                {
                    Content = JsonContent.Create(new { status = status.ToString(), recipientName = status == OrderStatus.Delivered ? "Jo" : null }),
                };
                request.Headers.Add("Idempotency-Key", key);
                var response = await client.SendAsync(request);
                await response.ShouldBeAsync(HttpStatusCode.OK);
            }
        }

        var history = await api.WithDbAsync(db => db.OrderHistory.Where(h => h.OrderId == order.Id).OrderBy(h => h.At).ToListAsync());
        Assert.Equal([OrderStatus.PickedUp, OrderStatus.InTransit, OrderStatus.Delivered], history.Where(h => h.From != h.To).Skip(4).Select(h => h.To));
        Assert.All(history.TakeLast(3), h => Assert.Equal(("Partner", "Speedy Parcels", partner.Id), (h.ActorType.ToString(), h.ActorName, h.ActorId)));
    }

    [Fact]
    public async Task A_partner_can_neither_see_nor_change_an_order_assigned_to_someone_else()
    {
        var (_, partner, issued) = await PartnerWithKeyAsync();
        var (_, otherPartner, _) = await PartnerWithKeyAsync();
        var others = await OrderAssignedToPartnerAsync(otherPartner.Id);
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var unassigned = await merchant.ReadyForPickupAsync();
        var client = PartnerClient(issued.Key);

        var list = await client.GetFromJsonAsync<OrderPageResponse>("/api/partner/orders", Json.Options);
        var changeOthers = await client.PostAsJsonAsync($"/api/partner/orders/{others.TrackingCode}/status", new { status = "PickedUp" });
        var changeUnassigned = await client.PostAsJsonAsync($"/api/partner/orders/{unassigned.TrackingCode}/status", new { status = "PickedUp" });

        Assert.DoesNotContain(list!.Items, o => o.Id == others.Id || o.Id == unassigned.Id);
        Assert.Equal(HttpStatusCode.NotFound, changeOthers.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, changeUnassigned.StatusCode);
        Assert.NotEqual(partner.Id, otherPartner.Id);
    }

    [Fact]
    public async Task Partner_admin_routes_are_for_admins_and_names_are_unique()
    {
        var (admin, partner, _) = await PartnerWithKeyAsync();
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);

        Assert.Equal(HttpStatusCode.Forbidden, (await merchant.GetAsync("/api/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await merchant.PostAsJsonAsync($"/api/partners/{partner.Id}/api-keys", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/partners", new { name = partner.Name })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/partners/{Guid.NewGuid()}/api-keys", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/partners/{partner.Id}/api-keys/{Guid.NewGuid()}")).StatusCode);
        Assert.Contains((await admin.GetFromJsonAsync<List<PartnerResponse>>("/api/partners", Json.Options))!, p => p.Id == partner.Id);

        var assignees = await merchant.GetStringAsync("/api/assignees");
        Assert.Contains(partner.Name, assignees);
    }
}
