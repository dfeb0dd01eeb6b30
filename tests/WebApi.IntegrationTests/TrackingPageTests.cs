using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// What the tracking page shows beside the status (items, prices only when allowed, the rough destination only while
/// out for delivery) and what its code alone lets anyone do: send delivery instructions or choose another day after a
/// failed attempt, rate-limited per code, without reading anything personal back.
/// </summary>
public sealed class TrackingPageTests(TrackingPageTests.Factory api) : IClassFixture<TrackingPageTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["RateLimiting:DeliveryRequest:PermitLimit"] = "5" };
    }

    private static object PlacedOrder() => new
    {
        customer = new { name = "Private Person", phone = "+44 7700 900123" },
        deliveryAddress = new { line1 = "9 Private Road", city = "London", postalCode = "N1 9GU", country = "United Kingdom", latitude = 51.536_789, longitude = -0.103_456 },
        items = new[] { new { name = "Birthday cake", quantity = 1, unitPrice = 32.50m }, new { name = "Candles", quantity = 12, unitPrice = 0.25m } },
        currency = "GBP",
    };

    private async Task<(HttpClient Merchant, TestUser MerchantUser, HttpClient Courier, OrderResponse Order)> FailedAttemptAsync()
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, _) = await api.SignedInAsync(UserRole.Delivery);
        var order = await merchant.CreateOrderAsync(PlacedOrder());
        foreach (var status in new[] { OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup })
        {
            await merchant.MoveAsync(order.Id, status);
        }

        (await courier.PostAsync($"/api/orders/{order.Id}/claim", null)).EnsureSuccessStatusCode();
        await courier.MoveAsync(order.Id, OrderStatus.PickedUp);
        await courier.MoveAsync(order.Id, OrderStatus.InTransit);
        return (merchant, merchantUser, courier, order);
    }

    private async Task<JsonElement> TrackingAsync(string code) => await (await api.CreateClient().GetAsync($"/api/tracking/{code}")).ReadAsync<JsonElement>();

    [Fact]
    public async Task Items_without_prices_unless_the_merchant_shows_them_and_the_rough_destination_only_while_out_for_delivery()
    {
        var (merchant, merchantUser, courier, order) = await FailedAttemptAsync();
        var view = await TrackingAsync(order.TrackingCode);
        var items = view.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Birthday cake", "Candles"], items.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal([1, 12], items.Select(i => i.GetProperty("quantity").GetInt32()));
        Assert.All(items, i => Assert.True(!i.TryGetProperty("unitPrice", out var price) || price.ValueKind == JsonValueKind.Null));
        Assert.True(!view.TryGetProperty("total", out var total) || total.ValueKind == JsonValueKind.Null);

        // Out for delivery: the destination is on the map, rounded to about 100 m (not the door).
        var destination = view.GetProperty("destination");
        Assert.Equal(51.537, destination.GetProperty("latitude").GetDouble(), 6);
        Assert.Equal(-0.103, destination.GetProperty("longitude").GetDouble(), 6);
        Assert.DoesNotContain("Private", view.GetRawText(), StringComparison.Ordinal);

        await (await merchant.PutAsJsonAsync($"/api/merchants/{merchantUser.Id}/tracking-page", new { showPrices = true, redeliveryDays = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" }, redeliveryHorizonDays = 3 }))
            .ShouldBeAsync(HttpStatusCode.OK);
        var priced = await TrackingAsync(order.TrackingCode);
        Assert.Equal(32.50m, priced.GetProperty("items")[0].GetProperty("unitPrice").GetDecimal());
        Assert.Equal(35.50m, priced.GetProperty("total").GetDecimal());

        await courier.MoveAsync(order.Id, OrderStatus.Delivered);
        Assert.Equal(JsonValueKind.Null, (await TrackingAsync(order.TrackingCode)).GetProperty("destination").ValueKind);
    }

    [Fact]
    public async Task After_a_failed_attempt_the_customer_leaves_instructions_that_the_merchant_and_courier_see_and_the_code_cannot_read()
    {
        var (merchant, _, courier, order) = await FailedAttemptAsync();
        var route = $"/api/tracking/{order.TrackingCode}/delivery-request";
        await (await api.CreateClient().PostAsJsonAsync(route, new { instructions = "Leave it with number 7" })).ShouldBeAsync(HttpStatusCode.Conflict);

        await courier.MoveAsync(order.Id, OrderStatus.DeliveryFailed, reason: "RecipientUnavailable");
        var offered = (await TrackingAsync(order.TrackingCode)).GetProperty("redelivery").GetProperty("dates").EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.NotEmpty(offered);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.All(offered, d => Assert.InRange(DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture), today.AddDays(1), today.AddDays(7)));
        Assert.All(offered, d => Assert.DoesNotContain(DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday }));

        // A day the merchant does not offer, and a request with nothing in it, change nothing.
        await (await api.CreateClient().PostAsJsonAsync(route, new { preferredDate = today.ToString("yyyy-MM-dd") })).ShouldBeAsync(HttpStatusCode.BadRequest);
        await (await api.CreateClient().PostAsJsonAsync(route, new { })).ShouldBeAsync(HttpStatusCode.BadRequest);

        var sent = await api.CreateClient().PostAsJsonAsync(route, new { instructions = "Leave it with number 7", preferredDate = offered[0] });
        await sent.ShouldBeAsync(HttpStatusCode.OK);
        var answer = await sent.Content.ReadAsStringAsync();
        Assert.DoesNotContain("number 7", answer, StringComparison.Ordinal);

        var view = await TrackingAsync(order.TrackingCode);
        Assert.Equal(offered[0], view.GetProperty("deliveryRequest").GetProperty("preferredDate").GetString());
        Assert.DoesNotContain("number 7", view.GetRawText(), StringComparison.Ordinal);

        foreach (var reader in new[] { merchant, courier })
        {
            var seen = await (await reader.GetAsync($"/api/orders/{order.Id}")).ReadAsync<JsonElement>();
            Assert.Equal("Leave it with number 7", seen.GetProperty("deliveryRequest").GetProperty("instructions").GetString());
            Assert.Equal(offered[0], seen.GetProperty("deliveryRequest").GetProperty("preferredDate").GetString());
        }

        // Out again, the courier still has it on the order; the code can no longer change it.
        await courier.MoveAsync(order.Id, OrderStatus.InTransit);
        await (await api.CreateClient().PostAsJsonAsync(route, new { instructions = "Changed my mind" })).ShouldBeAsync(HttpStatusCode.Conflict);
        var carried = await (await courier.GetAsync($"/api/orders/{order.Id}")).ReadAsync<JsonElement>();
        Assert.Equal("Leave it with number 7", carried.GetProperty("deliveryRequest").GetProperty("instructions").GetString());
    }

    [Fact]
    public async Task Requests_are_limited_per_tracking_code()
    {
        var (_, _, courier, order) = await FailedAttemptAsync();
        var (_, _, otherCourier, other) = await FailedAttemptAsync();
        await courier.MoveAsync(order.Id, OrderStatus.DeliveryFailed, reason: "AddressNotFound");
        await otherCourier.MoveAsync(other.Id, OrderStatus.DeliveryFailed, reason: "AddressNotFound");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await api.CreateClient().PostAsJsonAsync($"/api/tracking/{order.TrackingCode}/delivery-request", new { instructions = $"Try {i}" })).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        await (await api.CreateClient().PostAsJsonAsync($"/api/tracking/{other.TrackingCode}/delivery-request", new { instructions = "Side door" })).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Redelivery_days_name_each_weekday_at_most_once_and_more_change_nothing()
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var route = $"/api/merchants/{merchantUser.Id}/tracking-page";
        var eight = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Monday" };

        await (await merchant.PutAsJsonAsync(route, new { showPrices = true, redeliveryDays = eight, redeliveryHorizonDays = 3 })).ShouldBeAsync(HttpStatusCode.BadRequest);

        var settings = await (await merchant.GetAsync(route)).ReadAsync<JsonElement>();
        Assert.False(settings.GetProperty("showPrices").GetBoolean());
    }

    [Fact]
    public async Task Coordinates_on_an_address_come_in_pairs_within_range()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        foreach (var (latitude, longitude) in new (double?, double?)[] { (51.5, null), (95, 0), (0, 200) })
        {
            var response = await merchant.PostAsJsonAsync("/api/orders", new
            {
                customer = new { name = "Jane", phone = "+44 7700 900123" },
                deliveryAddress = new { line1 = "1 High Street", city = "London", postalCode = "N1 9GU", country = "UK", latitude, longitude },
                items = new[] { new { name = "Cake", quantity = 1, unitPrice = 1m } },
                currency = "GBP",
            });
            await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        }
    }
}
