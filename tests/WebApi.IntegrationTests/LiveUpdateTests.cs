using System.Text.Json;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class LiveUpdateTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<(HttpClient Client, TestUser User, HubListener Live)> ConnectedAsync(UserRole role)
    {
        var user = await api.CreateUserAsync(role);
        var client = await api.ClientForAsync(user);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter;
        var live = await HubListener.ConnectAsync(api, () => Task.FromResult<string?>(token));
        return (client, user, live);
    }

    [Fact]
    public async Task A_merchant_receives_its_own_orders_changes_and_never_another_merchants()
    {
        var (merchantA, _, liveA) = await ConnectedAsync(UserRole.Merchant);
        var (merchantB, _, liveB) = await ConnectedAsync(UserRole.Merchant);
        await using var _a = liveA;
        await using var _b = liveB;

        var orderA = await merchantA.CreateOrderAsync();
        await merchantA.MoveAsync(orderA.Id, OrderStatus.Confirmed);
        var orderB = await merchantB.CreateOrderAsync();
        await merchantB.MoveAsync(orderB.Id, OrderStatus.Confirmed);

        await liveA.WaitForAsync(l => l.OrderChanges(orderA.Id).Any(m => m.GetProperty("status").GetString() == "Confirmed"), "A's confirmation");
        await liveB.WaitForAsync(l => l.OrderChanges(orderB.Id).Any(m => m.GetProperty("status").GetString() == "Confirmed"), "B's confirmation");
        Assert.Equal(["Pending", "Confirmed"], liveA.OrderChanges(orderA.Id).Select(m => m.GetProperty("status").GetString()));
        Assert.Empty(liveA.OrderChanges(orderB.Id));
        Assert.Empty(liveB.OrderChanges(orderA.Id));
    }

    [Fact]
    public async Task Couriers_hear_about_the_pickup_pool_claims_and_their_assignments()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (courier1, courier1User, live1) = await ConnectedAsync(UserRole.Delivery);
        var (_, courier2User, live2) = await ConnectedAsync(UserRole.Delivery);
        await using var _1 = live1;
        await using var _2 = live2;

        var pooled = await merchant.ReadyForPickupAsync();
        await live2.WaitForAsync(l => l.OrderChanges(pooled.Id).Any(m => m.GetProperty("status").GetString() == "ReadyForPickup"), "the order entering the pool");

        (await courier1.PostAsync($"/api/orders/{pooled.Id}/claim", null)).EnsureSuccessStatusCode();
        await live2.WaitForAsync(
            l => l.OrderChanges(pooled.Id).Any(m => m.GetProperty("assignedCourierId").ValueKind != System.Text.Json.JsonValueKind.Null),
            "the claimed order leaving the pool (seen by the courier who did not claim it)");

        var preparing = await merchant.CreateOrderAsync();
        (await merchant.PostAsJsonAsync($"/api/orders/{preparing.Id}/assignment", new { courierId = courier2User.Id })).EnsureSuccessStatusCode();
        await live2.WaitForAsync(l => l.OrderChanges(preparing.Id).Any(), "courier 2's assignment");
        (await merchant.PostAsJsonAsync($"/api/orders/{preparing.Id}/assignment", new { courierId = courier1User.Id })).EnsureSuccessStatusCode();
        await live1.WaitForAsync(l => l.OrderChanges(preparing.Id).Any(), "the reassignment to courier 1");
        await live2.WaitForAsync(l => l.OrderChanges(preparing.Id).Count() == 2, "courier 2 hearing the order was taken away");

        Assert.Single(live1.OrderChanges(preparing.Id));
    }

    [Fact]
    public async Task A_tracking_subscriber_gets_the_public_view_and_nothing_personal()
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();
        await using var follower = await HubListener.ConnectAsync(api);
        await follower.Connection.InvokeAsync("SubscribeToTracking", order.TrackingCode.ToLowerInvariant());
        await follower.Connection.InvokeAsync("SubscribeToTracking", "OT-0000000000");
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => follower.Connection.InvokeAsync("SubscribeToTracking", "Robert'); DROP TABLE orders;--"));

        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);

        await follower.WaitForAsync(l => l.Received.Any(m => m.Event == "trackingChanged"), "the public view");
        var view = follower.Received.Single(m => m.Event == "trackingChanged").Payload;
        Assert.Equal(
            [
                "arrival", "courierPosition", "createdAt", "currency", "delivery", "deliveryRequest", "destination", "estimatedDeliveryAt", "items",
                "merchantName", "redelivery", "sender", "status", "timeline", "total", "trackingCode",
            ],
            view.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("delivery").ValueKind);
        Assert.Equal(("Confirmed", merchantUser.DisplayName), (view.GetProperty("status").GetString(), view.GetProperty("merchantName").GetString()));
        var raw = view.GetRawText();
        foreach (var personal in new[] { "Jane Customer", "+44 7700 900123", "jane@example.com", "High Street", "SW1A" })
        {
            Assert.DoesNotContain(personal, raw);
        }

        Assert.DoesNotContain(follower.Received, m => m.Event == "orderChanged");
    }

    [Fact]
    public async Task Nothing_is_sent_for_a_refused_change_or_for_the_loser_of_a_race()
    {
        var (merchant, _, live) = await ConnectedAsync(UserRole.Merchant);
        await using var _ = live;
        var (courier1, _) = await api.SignedInAsync(UserRole.Delivery);
        var (courier2, _) = await api.SignedInAsync(UserRole.Delivery);
        var order = await merchant.ReadyForPickupAsync();
        await live.WaitForAsync(l => l.OrderChanges(order.Id).Count() == 4, "creation and three merchant steps");

        Assert.Equal(HttpStatusCode.Conflict, (await merchant.ChangeStatusAsync(order.Id, OrderStatus.Delivered)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await merchant.ChangeStatusAsync(order.Id, OrderStatus.PickedUp)).StatusCode);
        var claims = await Task.WhenAll(courier1.PostAsync($"/api/orders/{order.Id}/claim", null), courier2.PostAsync($"/api/orders/{order.Id}/claim", null));
        Assert.Contains(claims, r => r.StatusCode == HttpStatusCode.Conflict);

        // A later change the merchant hears about proves everything before it has arrived.
        var sentinel = await merchant.CreateOrderAsync();
        await live.WaitForAsync(l => l.OrderChanges(sentinel.Id).Any(), "the sentinel order");
        Assert.Equal(5, live.OrderChanges(order.Id).Count());
    }

    [Fact]
    public async Task A_connection_keeps_working_across_access_token_renewal()
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var session = new JsonWebTokenHandler().ReadJsonWebToken(merchant.DefaultRequestHeaders.Authorization!.Parameter).GetClaim("sid").Value;
        var tokensIssued = 0;

        // Only the first token expires at once. A renewed connection must then stay up: if every token lived 2 s the
        // connection would be cut every 2 s, and the change below could be sent while the client is between two connections.
        string FirstTokenShortLived()
        {
            var lifetime = Interlocked.Increment(ref tokensIssued) == 1 ? TimeSpan.FromSeconds(2) : TimeSpan.FromMinutes(15);
            var now = DateTime.UtcNow;
            var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = "order-tracking",
                Audience = "order-tracking",
                IssuedAt = now,
                NotBefore = now,
                Expires = now + lifetime,
                SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ApiFactory.SigningKey)), SecurityAlgorithms.HmacSha256),
                Subject = new ClaimsIdentity([new Claim("sub", merchantUser.Id.ToString()), new Claim("name", "M"), new Claim("role", "Merchant"), new Claim("sv", "0", ClaimValueTypes.Integer32), new Claim("sid", session)]),
            });
            api.RememberSecret(token);
            return token;
        }

        await using var live = await HubListener.ConnectAsync(api, () => Task.FromResult<string?>(FirstTokenShortLived()), reconnect: true);
        var reconnected = 0;
        live.Connection.Reconnected += _ =>
        {
            Interlocked.Increment(ref reconnected);
            return Task.CompletedTask;
        };

        await live.WaitForAsync(_ => Volatile.Read(ref reconnected) > 0, "the server to end the expired connection and the client to reconnect", TimeSpan.FromSeconds(20));
        var order = await merchant.CreateOrderAsync();

        await live.WaitForAsync(l => l.OrderChanges(order.Id).Any(), "a change after renewal");
        Assert.True(tokensIssued >= 2);
    }
}
