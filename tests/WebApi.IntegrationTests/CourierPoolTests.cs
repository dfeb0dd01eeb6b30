using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>A courier sees the pickup pool by area only, exports only its own deliveries, and cannot probe others' orders.</summary>
public sealed class CourierPoolTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_courier_sees_only_the_area_of_a_pool_order_until_it_claims_it()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, courierUser) = await api.SignedInAsync(UserRole.Delivery);
        var pooled = await merchant.ReadyForPickupAsync();

        var listed = await courier.GetStringAsync("/api/orders");
        var single = await courier.GetStringAsync($"/api/orders/{pooled.Id}");
        var byName = await courier.GetFromJsonAsync<OrderPageResponse>("/api/orders?search=Jane", Json.Options);
        var byCode = await courier.GetFromJsonAsync<OrderPageResponse>($"/api/orders?search={pooled.TrackingCode}", Json.Options);

        foreach (var body in new[] { listed, single })
        {
            foreach (var secret in new[] { "Jane Customer", "+44 7700 900123", "jane@example.com", "1 High Street", "Flat 2", "Ring twice" })
            {
                Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            }
        }

        using var view = JsonDocument.Parse(single);
        Assert.Equal(JsonValueKind.Null, view.RootElement.GetProperty("customer").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.RootElement.GetProperty("deliveryAddress").ValueKind);
        var area = view.RootElement.GetProperty("deliveryArea");
        Assert.Equal(("London", "SW1A 1AA", "United Kingdom"), (area.GetProperty("city").GetString(), area.GetProperty("postalCode").GetString(), area.GetProperty("country").GetString()));
        Assert.Empty(byName!.Items);
        Assert.Equal([pooled.Id], byCode!.Items.Select(o => o.Id));

        var claimed = await courier.PostAsync($"/api/orders/{pooled.Id}/claim", null);
        await claimed.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Contains("Jane Customer", await claimed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var mine = await courier.GetStringAsync($"/api/orders/{pooled.Id}");
        Assert.Contains("1 High Street", mine, StringComparison.Ordinal);
        Assert.Equal(courierUser.Id, (await courier.GetFromJsonAsync<OrderResponse>($"/api/orders/{pooled.Id}", Json.Options))!.AssignedCourierId);
    }

    [Fact]
    public async Task Everyone_else_still_sees_the_whole_order()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var pooled = await merchant.ReadyForPickupAsync();

        foreach (var client in new[] { merchant, admin })
        {
            var body = await client.GetStringAsync($"/api/orders/{pooled.Id}");
            Assert.Contains("Jane Customer", body, StringComparison.Ordinal);
            Assert.Contains("1 High Street", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_couriers_export_holds_its_assigned_orders_and_not_the_pool()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, courierUser) = await api.SignedInAsync(UserRole.Delivery);
        var pooled = await merchant.ReadyForPickupAsync();
        var assigned = await merchant.ReadyForPickupAsync();
        (await merchant.PostAsJsonAsync($"/api/orders/{assigned.Id}/assignment", new { courierId = courierUser.Id })).EnsureSuccessStatusCode();

        var response = await courier.GetAsync("/api/orders/export");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains(assigned.TrackingCode, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(pooled.TrackingCode, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claiming_an_order_assigned_to_someone_else_is_404_but_one_another_courier_just_claimed_is_409()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, _) = await api.SignedInAsync(UserRole.Delivery);
        var (rival, _) = await api.SignedInAsync(UserRole.Delivery);
        var otherCourier = await api.CreateUserAsync(UserRole.Delivery);
        var assignedByMerchant = await merchant.ReadyForPickupAsync();
        (await merchant.PostAsJsonAsync($"/api/orders/{assignedByMerchant.Id}/assignment", new { courierId = otherCourier.Id })).EnsureSuccessStatusCode();
        var claimedByRival = await merchant.ReadyForPickupAsync();
        (await rival.PostAsync($"/api/orders/{claimedByRival.Id}/claim", null)).EnsureSuccessStatusCode();

        var someoneElses = await courier.PostAsync($"/api/orders/{assignedByMerchant.Id}/claim", null);
        var lostRace = await courier.PostAsync($"/api/orders/{claimedByRival.Id}/claim", null);

        Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lostRace.StatusCode);
        Assert.DoesNotContain("Jane Customer", await lostRace.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
