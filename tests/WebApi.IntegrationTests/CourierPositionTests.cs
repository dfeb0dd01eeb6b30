using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// A courier's position: accepted only from the courier (or partner) in charge while an order is out for delivery,
/// only the latest kept and forgotten when the delivery ends, and sent live to that order's tracking page and its
/// merchant's and the admins' connections, never to anyone else.
/// </summary>
public sealed class CourierPositionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static object Position(double latitude, double longitude, DateTimeOffset? at = null, double accuracy = 12) =>
        new { latitude, longitude, accuracy, recordedAt = at ?? DateTimeOffset.UtcNow };

    private async Task<(HttpClient Merchant, TestUser MerchantUser, HttpClient Courier, TestUser CourierUser, OrderResponse Order)> OutForDeliveryAsync()
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, courierUser) = await api.SignedInAsync(UserRole.Delivery);
        var order = await merchant.ReadyForPickupAsync();
        (await courier.PostAsync($"/api/orders/{order.Id}/claim", null)).EnsureSuccessStatusCode();
        await courier.MoveAsync(order.Id, OrderStatus.PickedUp);
        return (merchant, merchantUser, courier, courierUser, await courier.MoveAsync(order.Id, OrderStatus.InTransit));
    }

    private Task<List<PositionRow>> RowsAsync(Guid carrier) =>
        api.WithDbAsync(db => db.Database.SqlQuery<PositionRow>($"SELECT carrier_id, latitude, longitude, recorded_at FROM courier_positions WHERE carrier_id = {carrier}").ToListAsync());

    private async Task WaitUntilForgottenAsync(Guid carrier)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await RowsAsync(carrier)).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the position was not forgotten after the delivery ended");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Only_the_courier_in_charge_while_out_for_delivery_and_only_the_latest_is_kept()
    {
        var (merchant, _, courier, courierUser, order) = await OutForDeliveryAsync();
        var (otherCourier, otherCourierUser) = await api.SignedInAsync(UserRole.Delivery);

        // Before and after: a courier with nothing out for delivery keeps nothing.
        var (idle, idleUser) = await api.SignedInAsync(UserRole.Delivery);
        var pickedUp = await merchant.ReadyForPickupAsync();
        (await idle.PostAsync($"/api/orders/{pickedUp.Id}/claim", null)).EnsureSuccessStatusCode();
        await idle.MoveAsync(pickedUp.Id, OrderStatus.PickedUp);
        await (await idle.PutAsJsonAsync("/api/courier/position", Position(51.5, -0.12))).ShouldBeAsync(HttpStatusCode.Conflict);
        await (await otherCourier.PutAsJsonAsync("/api/courier/position", Position(51.5, -0.12))).ShouldBeAsync(HttpStatusCode.Conflict);
        await (await merchant.PutAsJsonAsync("/api/courier/position", Position(51.5, -0.12))).ShouldBeAsync(HttpStatusCode.Forbidden);
        Assert.Empty(await RowsAsync(idleUser.Id));
        Assert.Empty(await RowsAsync(otherCourierUser.Id));

        var start = DateTimeOffset.UtcNow.AddSeconds(-60);
        var first = await courier.PutAsJsonAsync("/api/courier/position", Position(51.5000, -0.1200, start));
        await first.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal([order.TrackingCode], (await first.ReadAsync<JsonElement>()).GetProperty("sharedWith").EnumerateArray().Select(c => c.GetString()));
        await (await courier.PutAsJsonAsync("/api/courier/position", Position(51.5010, -0.1210, start.AddSeconds(20)))).ShouldBeAsync(HttpStatusCode.OK);
        await (await courier.PutAsJsonAsync("/api/courier/position", Position(51.5020, -0.1220, start.AddSeconds(40)))).ShouldBeAsync(HttpStatusCode.OK);

        // Late and out of order: accepted, but an older position never replaces a newer one.
        await (await courier.PutAsJsonAsync("/api/courier/position", Position(51.4000, -0.2000, start.AddSeconds(10)))).ShouldBeAsync(HttpStatusCode.OK);

        var kept = Assert.Single(await RowsAsync(courierUser.Id));
        Assert.Equal(51.5020, kept.Latitude, 6);
        Assert.Equal(-0.1220, kept.Longitude, 6);
        Assert.Equal(start.AddSeconds(40).ToUnixTimeMilliseconds(), kept.RecordedAt.ToUnixTimeMilliseconds());
        Assert.Equal(1, await api.WithDbAsync(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM courier_positions").SingleAsync()));

        var seen = await merchant.GetAsync($"/api/orders/{order.Id}/courier-position");
        await seen.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(51.5020, (await seen.ReadAsync<JsonElement>()).GetProperty("position").GetProperty("latitude").GetDouble(), 6);

        // The delivery ends: the courier has no other order out, so its position is forgotten.
        await courier.MoveAsync(order.Id, OrderStatus.Delivered);
        await WaitUntilForgottenAsync(courierUser.Id);
        await (await courier.PutAsJsonAsync("/api/courier/position", Position(51.5, -0.12))).ShouldBeAsync(HttpStatusCode.Conflict);
        Assert.Empty(await RowsAsync(courierUser.Id));
        var after = await (await merchant.GetAsync($"/api/orders/{order.Id}/courier-position")).ReadAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, after.GetProperty("position").ValueKind);
    }

    [Fact]
    public async Task A_courier_with_two_orders_out_keeps_sharing_until_the_last_one_ends()
    {
        var (merchant, _, courier, courierUser, first) = await OutForDeliveryAsync();
        var second = await merchant.ReadyForPickupAsync();
        (await courier.PostAsync($"/api/orders/{second.Id}/claim", null)).EnsureSuccessStatusCode();
        await courier.MoveAsync(second.Id, OrderStatus.PickedUp);
        await courier.MoveAsync(second.Id, OrderStatus.InTransit);

        var shared = await (await courier.PutAsJsonAsync("/api/courier/position", Position(51.5, -0.12))).ReadAsync<JsonElement>();
        Assert.Equal(2, shared.GetProperty("sharedWith").GetArrayLength());

        await courier.MoveAsync(first.Id, OrderStatus.DeliveryFailed, reason: "RecipientUnavailable");
        await courier.MoveAsync(first.Id, OrderStatus.Returned);
        await Task.Delay(300);
        Assert.Single(await RowsAsync(courierUser.Id));

        await courier.MoveAsync(second.Id, OrderStatus.Delivered);
        await WaitUntilForgottenAsync(courierUser.Id);
    }

    [Theory]
    [InlineData(91, 0, 10, 0, "latitude")]
    [InlineData(0, -181, 10, 0, "longitude")]
    [InlineData(51.5, -0.12, 5000, 0, "accuracy")]
    [InlineData(51.5, -0.12, -1, 0, "accuracy")]
    [InlineData(51.5, -0.12, 10, 600, "recordedAt")]
    [InlineData(51.5, -0.12, 10, -900, "recordedAt")]
    public async Task A_bad_position_is_refused_and_nothing_is_kept(double latitude, double longitude, double accuracy, int secondsFromNow, string field)
    {
        var (_, _, courier, courierUser, _) = await OutForDeliveryAsync();
        var response = await courier.PutAsJsonAsync("/api/courier/position", new { latitude, longitude, accuracy, recordedAt = DateTimeOffset.UtcNow.AddSeconds(secondsFromNow) });
        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, (await response.ProblemAsync()).Errors!.Keys);
        Assert.Empty(await RowsAsync(courierUser.Id));
    }

    [Fact]
    public async Task The_tracking_page_and_the_merchant_and_admins_hear_it_and_nobody_else_does()
    {
        var (merchant, _, courier, _, order) = await OutForDeliveryAsync();
        var (otherMerchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var other = await otherMerchant.CreateOrderAsync();
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var (bystanderCourier, _) = await api.SignedInAsync(UserRole.Delivery);

        string Token(HttpClient client) => client.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var tracking = await HubListener.ConnectAsync(api);
        await tracking.Connection.InvokeAsync("SubscribeToTracking", order.TrackingCode);
        await using var unrelatedTracking = await HubListener.ConnectAsync(api);
        await unrelatedTracking.Connection.InvokeAsync("SubscribeToTracking", other.TrackingCode);
        await using var merchantLive = await HubListener.ConnectAsync(api, () => Task.FromResult<string?>(Token(merchant)));
        await using var adminLive = await HubListener.ConnectAsync(api, () => Task.FromResult<string?>(Token(admin)));
        await using var otherMerchantLive = await HubListener.ConnectAsync(api, () => Task.FromResult<string?>(Token(otherMerchant)));
        await using var courierLive = await HubListener.ConnectAsync(api, () => Task.FromResult<string?>(Token(bystanderCourier)));
        await using var carryingCourierLive = await HubListener.ConnectAsync(api, () => Task.FromResult<string?>(Token(courier)));

        await (await courier.PutAsJsonAsync("/api/courier/position", Position(51.5033, -0.1195))).ShouldBeAsync(HttpStatusCode.OK);

        static bool HeardPosition(HubListener l) => l.Received.Any(m => m.Event == "courierPosition");
        await tracking.WaitForAsync(HeardPosition, "the tracking page's position");
        await merchantLive.WaitForAsync(HeardPosition, "the merchant's position");
        await adminLive.WaitForAsync(HeardPosition, "the admins' position");

        var forPage = tracking.Received.First(m => m.Event == "courierPosition").Payload;
        Assert.Equal(order.TrackingCode, forPage.GetProperty("trackingCode").GetString());
        Assert.Equal(51.5033, forPage.GetProperty("position").GetProperty("latitude").GetDouble(), 6);
        Assert.False(forPage.TryGetProperty("orderId", out _), "the public message names no internal id");
        Assert.False(forPage.GetProperty("position").TryGetProperty("speedMetersPerSecond", out _));
        var forMerchant = merchantLive.Received.First(m => m.Event == "courierPosition").Payload;
        Assert.Equal(order.Id, forMerchant.GetProperty("orderId").GetGuid());

        // A later change that all of them would hear proves the others had their chance: they got no position.
        await otherMerchant.MoveAsync(other.Id, OrderStatus.Confirmed);
        await otherMerchantLive.WaitForAsync(l => l.OrderChanges(other.Id).Any(), "the other merchant's own change");
        await unrelatedTracking.WaitForAsync(l => l.Received.Any(m => m.Event == "trackingChanged"), "the unrelated code's own change");
        await courier.MoveAsync(order.Id, OrderStatus.Delivered);
        await carryingCourierLive.WaitForAsync(l => l.OrderChanges(order.Id).Any(m => m.GetProperty("status").GetString() == "Delivered"), "the courier's own delivery");
        Assert.False(HeardPosition(unrelatedTracking), "a tracking page of another order heard the position");
        Assert.False(HeardPosition(otherMerchantLive), "another merchant heard the position");
        Assert.False(HeardPosition(courierLive), "another courier heard the position");
        Assert.False(HeardPosition(carryingCourierLive), "couriers' connections are not an audience");
    }

    [Fact]
    public async Task A_delivery_partner_reports_for_its_own_orders_only()
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        async Task<(Guid Id, HttpClient Client)> PartnerAsync()
        {
            var partner = await (await admin.PostAsJsonAsync("/api/partners", new { name = $"Riders {Guid.NewGuid():N}" })).ReadAsync<PartnerResponse>();
            var key = await (await admin.PostAsJsonAsync($"/api/partners/{partner.Id}/api-keys", new { name = "dispatch" })).ReadAsync<IssuedKeyResponse>();
            api.RememberSecret(key.Key);
            var client = api.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
            return (partner.Id, client);
        }

        var (partnerId, partner) = await PartnerAsync();
        var (_, otherPartner) = await PartnerAsync();
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.ReadyForPickupAsync();
        await (await merchant.PostAsJsonAsync($"/api/orders/{order.Id}/assignment", new { partnerId })).ShouldBeAsync(HttpStatusCode.OK);
        var route = $"/api/partner/orders/{order.TrackingCode}/courier-position";

        await (await partner.PutAsJsonAsync(route, Position(48.85, 2.35))).ShouldBeAsync(HttpStatusCode.Conflict);
        foreach (var status in new[] { "PickedUp", "InTransit" })
        {
            await (await partner.PostAsJsonAsync($"/api/partner/orders/{order.TrackingCode}/status", new { status })).ShouldBeAsync(HttpStatusCode.OK);
        }

        await (await otherPartner.PutAsJsonAsync(route, Position(48.85, 2.35))).ShouldBeAsync(HttpStatusCode.Conflict);
        Assert.Empty(await RowsAsync(order.Id));
        await (await partner.PutAsJsonAsync(route, Position(48.85, 2.35))).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Single(await RowsAsync(order.Id));

        await (await partner.PostAsJsonAsync($"/api/partner/orders/{order.TrackingCode}/status", new { status = "Delivered" })).ShouldBeAsync(HttpStatusCode.OK);
        await WaitUntilForgottenAsync(order.Id);
    }

    private sealed class PositionRow
    {
        public Guid CarrierId { get; init; }
        public double Latitude { get; init; }
        public double Longitude { get; init; }
        public DateTimeOffset RecordedAt { get; init; }
    }
}
