using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>Another merchant's order does not exist for you: 404 everywhere, absent from lists and exports, never 403.</summary>
public sealed class OrderIsolationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Merchant_A_cannot_see_list_change_assign_or_export_merchant_Bs_orders()
    {
        var (merchantA, _) = await api.SignedInAsync(UserRole.Merchant);
        var (merchantB, merchantBUser) = await api.SignedInAsync(UserRole.Merchant);
        var courier = await api.CreateUserAsync(UserRole.Delivery);
        var orderOfB = await merchantB.CreateOrderAsync(OrderRequests.ValidOrder(customerName: "Customer Of B"));
        var orderOfA = await merchantA.CreateOrderAsync(OrderRequests.ValidOrder(customerName: "Customer Of A"));

        var get = await merchantA.GetAsync($"/api/orders/{orderOfB.Id}");
        var history = await merchantA.GetAsync($"/api/orders/{orderOfB.Id}/history");
        var change = await merchantA.ChangeStatusAsync(orderOfB.Id, OrderStatus.Confirmed);
        var assign = await merchantA.PostAsJsonAsync($"/api/orders/{orderOfB.Id}/assignment", new { courierId = courier.Id });
        var list = await merchantA.GetFromJsonAsync<OrderPageResponse>("/api/orders?limit=100", Json.Options);
        var listFilteredOnB = await merchantA.GetFromJsonAsync<OrderPageResponse>($"/api/orders?merchantId={merchantBUser.Id}", Json.Options);
        var csv = await merchantA.GetStringAsync("/api/orders/export");

        Assert.All([get, history, change, assign], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal([orderOfA.Id], list!.Items.Select(o => o.Id));
        Assert.Empty(listFilteredOnB!.Items);
        Assert.Contains(orderOfA.TrackingCode, csv);
        Assert.DoesNotContain(orderOfB.TrackingCode, csv);
        Assert.DoesNotContain("Customer Of B", csv);
        var untouched = await merchantB.GetFromJsonAsync<OrderResponse>($"/api/orders/{orderOfB.Id}", Json.Options);
        Assert.Equal((OrderStatus.Pending, (Guid?)null), (untouched!.Status, untouched.AssignedCourierId));
    }

    [Fact]
    public async Task A_courier_sees_its_own_orders_and_the_unassigned_pickup_pool_only()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, courierUser) = await api.SignedInAsync(UserRole.Delivery);
        var otherCourier = await api.CreateUserAsync(UserRole.Delivery);
        var pending = await merchant.CreateOrderAsync();
        var pool = await merchant.ReadyForPickupAsync();
        var mine = await merchant.ReadyForPickupAsync();
        var someoneElses = await merchant.ReadyForPickupAsync();
        (await merchant.PostAsJsonAsync($"/api/orders/{mine.Id}/assignment", new { courierId = courierUser.Id })).EnsureSuccessStatusCode();
        (await merchant.PostAsJsonAsync($"/api/orders/{someoneElses.Id}/assignment", new { courierId = otherCourier.Id })).EnsureSuccessStatusCode();

        var list = await courier.GetFromJsonAsync<OrderPageResponse>("/api/orders", Json.Options);

        Assert.Equal(new[] { pool.Id, mine.Id }.Order(), list!.Items.Select(o => o.Id).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await courier.GetAsync($"/api/orders/{pending.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await courier.GetAsync($"/api/orders/{someoneElses.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await courier.PostAsync($"/api/orders/{pending.Id}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await courier.PostAsync($"/api/orders/{someoneElses.Id}/claim", null)).StatusCode);
    }
}
