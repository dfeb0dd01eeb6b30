using System.Net;
using System.Text.Json;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class TrackingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Anyone_with_the_code_sees_status_merchant_and_timeline_and_nothing_personal()
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var courier = await api.CreateUserAsync(UserRole.Delivery, displayName: "Courier Secretname");
        var order = await merchant.ReadyForPickupAsync();
        (await merchant.PostAsync($"/api/orders/{order.Id}/assignment", System.Net.Http.Json.JsonContent.Create(new { courierId = courier.Id }))).EnsureSuccessStatusCode();

        var response = await api.CreateClient().GetAsync($"/api/tracking/{order.TrackingCode.ToLowerInvariant()}");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(
            [
                "arrival", "courierPosition", "createdAt", "currency", "delivery", "deliveryRequest", "destination", "estimatedDeliveryAt", "items",
                "merchantName", "redelivery", "sender", "status", "timeline", "total", "trackingCode",
            ],
            root.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("delivery").ValueKind);
        Assert.Equal("ReadyForPickup", root.GetProperty("status").GetString());
        Assert.Equal(merchantUser.DisplayName, root.GetProperty("merchantName").GetString());
        Assert.Equal(["Pending", "Confirmed", "Preparing", "ReadyForPickup"], root.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("status").GetString()));
        foreach (var personal in new[] { "Jane Customer", "+44 7700 900123", "jane@example.com", "1 High Street", "SW1A 1AA", "London", "Secretname" })
        {
            Assert.DoesNotContain(personal, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_failed_attempt_carries_its_reason_from_the_fixed_list_and_never_the_couriers_note()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, _) = await api.SignedInAsync(UserRole.Delivery);
        var order = await merchant.ReadyForPickupAsync();
        (await courier.PostAsync($"/api/orders/{order.Id}/claim", null)).EnsureSuccessStatusCode();
        await courier.MoveAsync(order.Id, OrderStatus.PickedUp);
        await courier.MoveAsync(order.Id, OrderStatus.InTransit);
        await courier.MoveAsync(order.Id, OrderStatus.DeliveryFailed, reason: "RecipientUnavailable", note: "Neighbour at no. 3 Secretnote");

        var response = await api.CreateClient().GetAsync($"/api/tracking/{order.TrackingCode}");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var timeline = json.RootElement.GetProperty("timeline").EnumerateArray().ToList();
        var failed = Assert.Single(timeline, e => e.GetProperty("status").GetString() == "DeliveryFailed");
        Assert.Equal("RecipientUnavailable", failed.GetProperty("failureReason").GetString());
        Assert.All(timeline.Where(e => e.GetProperty("status").GetString() != "DeliveryFailed"),
            e => Assert.Equal(JsonValueKind.Null, e.GetProperty("failureReason").ValueKind));
        Assert.DoesNotContain("Secretnote", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OT-0000000000")]
    [InlineData("not-a-code")]
    [InlineData("OT-ILOU000000")]
    public async Task Unknown_or_malformed_codes_are_404(string code)
    {
        var response = await api.CreateClient().GetAsync($"/api/tracking/{code}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.ProblemAsync();
    }
}
