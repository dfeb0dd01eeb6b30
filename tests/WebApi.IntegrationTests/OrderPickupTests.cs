using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;
using static OrderTracking.WebApi.IntegrationTests.Infrastructure.MerchantProfileRequests;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// An order is collected from one of its merchant's pickup locations and keeps a copy of that address; couriers and
/// partners see where to collect it until it is picked up; customers see who sent it.
/// </summary>
public sealed class OrderPickupTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private sealed record Merchant(HttpClient Client, TestUser User, PickupLocationResponse Shop, PickupLocationResponse Bakehouse);

    /// <summary>A merchant with a profile, a default "Shop" and a second location "Bakehouse".</summary>
    private async Task<Merchant> MerchantWithLocationsAsync()
    {
        var (client, user) = await api.SignedInAsync(UserRole.Merchant);
        await (await client.PutAsJsonAsync($"/api/merchants/{user.Id}/profile", Profile())).ShouldBeAsync(HttpStatusCode.OK);
        var shop = await (await client.PostAsJsonAsync($"/api/merchants/{user.Id}/pickup-locations", Location("Shop", "12 Baker Street", "Ring at the back door", isDefault: true))).ReadAsync<PickupLocationResponse>();
        var bakehouse = await (await client.PostAsJsonAsync($"/api/merchants/{user.Id}/pickup-locations", Location("Bakehouse", "5 Mill Lane"))).ReadAsync<PickupLocationResponse>();
        return new Merchant(client, user, shop, bakehouse);
    }

    private static object OrderFrom(Guid? pickupLocationId) => new
    {
        customer = new { name = "Jane Customer", phone = "+44 7700 900123" },
        deliveryAddress = new { line1 = "1 High Street", city = "London", postalCode = "SW1A 1AA", country = "United Kingdom" },
        items = new[] { new { name = "Sourdough loaf", quantity = 1, unitPrice = 4.50m } },
        currency = "GBP",
        pickupLocationId,
    };

    private static async Task<OrderStopsResponse> StopsAsync(HttpClient client, Guid orderId) =>
        (await client.GetFromJsonAsync<OrderStopsResponse>($"/api/orders/{orderId}", Json.Options))!;

    [Fact]
    public async Task An_order_is_collected_from_the_default_location_unless_the_merchant_names_another()
    {
        var merchant = await MerchantWithLocationsAsync();

        var byDefault = await merchant.Client.CreateOrderAsync(OrderFrom(null));
        var named = await merchant.Client.CreateOrderAsync(OrderFrom(merchant.Bakehouse.Id));

        var defaultPickup = (await StopsAsync(merchant.Client, byDefault.Id)).Pickup!;
        Assert.Equal((merchant.Shop.Id, "Shop", "12 Baker Street", "Ring at the back door"), (defaultPickup.LocationId, defaultPickup.Label, defaultPickup.Address.Line1, defaultPickup.Instructions));
        Assert.Equal("https://www.openstreetmap.org/search?query=12%20Baker%20Street%2C%20London%2C%20NW1%206XE%2C%20United%20Kingdom", defaultPickup.MapUrl);
        Assert.Equal((merchant.Bakehouse.Id, "5 Mill Lane"), ((await StopsAsync(merchant.Client, named.Id)).Pickup!.LocationId, (await StopsAsync(merchant.Client, named.Id)).Pickup!.Address.Line1));
    }

    [Fact]
    public async Task A_location_of_another_merchant_is_refused_and_a_merchant_without_locations_still_creates_orders()
    {
        var merchant = await MerchantWithLocationsAsync();
        var (newcomer, _) = await api.SignedInAsync(UserRole.Merchant);

        var foreign = await newcomer.PostAsJsonAsync("/api/orders", OrderFrom(merchant.Shop.Id));
        await foreign.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains("pickupLocationId", (await foreign.ProblemAsync()).Errors!.Keys);

        var created = await newcomer.CreateOrderAsync(OrderFrom(null));
        Assert.Null((await StopsAsync(newcomer, created.Id)).Pickup);
    }

    [Fact]
    public async Task Editing_or_removing_a_location_leaves_the_pickup_copy_of_existing_orders_unchanged()
    {
        var merchant = await MerchantWithLocationsAsync();
        var order = await merchant.Client.CreateOrderAsync(OrderFrom(merchant.Shop.Id));
        var locationUrl = $"/api/merchants/{merchant.User.Id}/pickup-locations/{merchant.Shop.Id}";

        await (await merchant.Client.PutAsJsonAsync(locationUrl, Location("Moved shop", "99 New Road", "Closed on Sundays", isDefault: true))).ShouldBeAsync(HttpStatusCode.OK);
        var afterEdit = (await StopsAsync(merchant.Client, order.Id)).Pickup!;
        await (await merchant.Client.DeleteAsync(locationUrl)).ShouldBeAsync(HttpStatusCode.NoContent);
        var afterRemoval = (await StopsAsync(merchant.Client, order.Id)).Pickup!;

        foreach (var pickup in new[] { afterEdit, afterRemoval })
        {
            Assert.Equal(("Shop", "12 Baker Street", "Ring at the back door"), (pickup.Label, pickup.Address.Line1, pickup.Instructions));
        }

        var next = await merchant.Client.CreateOrderAsync(OrderFrom(null));
        Assert.Equal("5 Mill Lane", (await StopsAsync(merchant.Client, next.Id)).Pickup!.Address.Line1);
    }

    [Fact]
    public async Task A_courier_sees_the_pickup_address_in_the_pool_and_until_pickup_then_only_the_drop_off()
    {
        var merchant = await MerchantWithLocationsAsync();
        var (courier, _) = await api.SignedInAsync(UserRole.Delivery);
        var order = await merchant.Client.CreateOrderAsync(OrderFrom(null));
        foreach (var step in new[] { OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup })
        {
            await merchant.Client.MoveAsync(order.Id, step);
        }

        var pool = await courier.GetFromJsonAsync<StopsPage>("/api/orders", Json.Options);
        var pooled = pool!.Items.Single(o => o.Id == order.Id);
        Assert.Equal(("12 Baker Street", "Ring at the back door"), (pooled.Pickup!.Address.Line1, pooled.Pickup.Instructions));
        Assert.Null(pooled.DeliveryAddress);
        Assert.Null(pooled.DeliveryMapUrl);

        await (await courier.PostAsync($"/api/orders/{order.Id}/claim", null)).ShouldBeAsync(HttpStatusCode.OK);
        var claimed = await StopsAsync(courier, order.Id);
        Assert.Equal("12 Baker Street", claimed.Pickup!.Address.Line1);
        Assert.Equal("1 High Street", claimed.DeliveryAddress!.Line1);

        var pickedUp = await (await courier.ChangeStatusAsync(order.Id, OrderStatus.PickedUp)).ReadAsync<OrderStopsResponse>();
        Assert.Null(pickedUp.Pickup);
        Assert.Null((await StopsAsync(courier, order.Id)).Pickup);
        Assert.Equal("1 High Street", (await StopsAsync(courier, order.Id)).DeliveryAddress!.Line1);
        Assert.StartsWith("https://www.openstreetmap.org/search?query=1%20High%20Street", (await StopsAsync(courier, order.Id)).DeliveryMapUrl, StringComparison.Ordinal);
        Assert.Equal("12 Baker Street", (await StopsAsync(merchant.Client, order.Id)).Pickup!.Address.Line1);
    }

    [Fact]
    public async Task A_partner_sees_the_pickup_address_through_its_api_until_it_picks_the_order_up()
    {
        var merchant = await MerchantWithLocationsAsync();
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var partner = await (await admin.PostAsJsonAsync("/api/partners", new { name = $"Fast Couriers {Guid.NewGuid():N}" })).ReadAsync<PartnerResponse>();
        var key = await (await admin.PostAsJsonAsync($"/api/partners/{partner.Id}/api-keys", new { name = "dispatcher" })).ReadAsync<IssuedKeyResponse>();
        api.RememberSecret(key.Key);
        var partnerClient = api.CreateClient();
        partnerClient.DefaultRequestHeaders.Add("X-Api-Key", key.Key);

        var order = await merchant.Client.CreateOrderAsync(OrderFrom(merchant.Bakehouse.Id));
        foreach (var step in new[] { OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup })
        {
            await merchant.Client.MoveAsync(order.Id, step);
        }

        await (await merchant.Client.PostAsJsonAsync($"/api/orders/{order.Id}/assignment", new { partnerId = partner.Id })).ShouldBeAsync(HttpStatusCode.OK);

        var listed = (await partnerClient.GetFromJsonAsync<StopsPage>("/api/partner/orders", Json.Options))!.Items.Single();
        Assert.Equal(("Bakehouse", "5 Mill Lane"), (listed.Pickup!.Label, listed.Pickup.Address.Line1));

        var pickedUp = await partnerClient.PostAsJsonAsync($"/api/partner/orders/{order.TrackingCode}/status", new { status = "PickedUp" });
        await pickedUp.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Null((await pickedUp.ReadAsync<OrderStopsResponse>()).Pickup);
        Assert.Null((await partnerClient.GetFromJsonAsync<StopsPage>("/api/partner/orders", Json.Options))!.Items.Single().Pickup);
    }

    [Fact]
    public async Task The_tracking_page_names_the_sender_with_its_public_contact_and_never_the_pickup_address()
    {
        var merchant = await MerchantWithLocationsAsync();
        var (bare, bareUser) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.Client.CreateOrderAsync(OrderFrom(null));
        var bareOrder = await bare.CreateOrderAsync(OrderFrom(null));
        var anonymous = api.CreateClient();

        var tracking = await anonymous.GetFromJsonAsync<TrackingSenderResponse>($"/api/tracking/{order.TrackingCode}", Json.Options);
        Assert.Equal(new SenderResponse("Corner Bakery Ltd", "+44 20 7946 0001", "hello@bakery.example"), tracking!.Sender);
        Assert.DoesNotContain("Baker Street", await anonymous.GetStringAsync($"/api/tracking/{order.TrackingCode}"), StringComparison.Ordinal);

        var fallback = await anonymous.GetFromJsonAsync<TrackingSenderResponse>($"/api/tracking/{bareOrder.TrackingCode}", Json.Options);
        Assert.Equal(new SenderResponse(bareUser.DisplayName, null, null), fallback!.Sender);
    }

    private sealed record StopsPage(IReadOnlyList<OrderStopsResponse> Items);

    private sealed record SenderResponse(string BusinessName, string? Phone, string? Email);

    private sealed record TrackingSenderResponse(SenderResponse Sender);
}
