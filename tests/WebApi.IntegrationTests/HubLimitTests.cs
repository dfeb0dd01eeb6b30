using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// Anonymous hub work is bounded: tracking codes per connection, calls per connection, anonymous connections per
/// client address. Behind a trusted proxy (10.0.0.5), so each test's followers come from addresses of their own.
/// </summary>
public sealed class HubLimitTests(HubLimitTests.Factory api) : IClassFixture<HubLimitTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override IPAddress? ConnectionAddress => IPAddress.Parse("10.0.0.5");

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["RateLimiting:TrackingCodesPerConnection"] = "5",
            ["RateLimiting:HubInvocations:PermitLimit"] = "10",
            ["RateLimiting:AnonymousHubConnectionsPerAddress"] = "3",
        };
    }

    private static bool HeardAbout(HubListener listener, string trackingCode) =>
        listener.Received.Any(m => m.Event == "trackingChanged" && m.Payload.GetProperty("trackingCode").GetString() == trackingCode);

    [Fact]
    public async Task The_sixth_tracking_code_is_refused_and_the_first_five_keep_their_updates()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var orders = new List<OrderResponse>();
        for (var i = 0; i < 6; i++)
        {
            orders.Add(await merchant.CreateOrderAsync());
        }

        await using var follower = await HubListener.ConnectAsync(api, forwardedFor: "198.51.100.1");
        foreach (var order in orders.Take(5))
        {
            await follower.Connection.InvokeAsync("SubscribeToTracking", order.TrackingCode);
        }

        await follower.Connection.InvokeAsync("SubscribeToTracking", orders[0].TrackingCode);
        var refused = await Assert.ThrowsAsync<HubException>(() => follower.Connection.InvokeAsync("SubscribeToTracking", orders[5].TrackingCode));
        Assert.Contains("at most 5 tracking codes", refused.Message);

        // The refused code changes first: had it been followed, its update would arrive before the others.
        foreach (var order in orders.AsEnumerable().Reverse())
        {
            await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
        }

        await follower.WaitForAsync(l => orders.Take(5).All(o => HeardAbout(l, o.TrackingCode)), "updates for the five followed codes");
        Assert.False(HeardAbout(follower, orders[5].TrackingCode));
    }

    [Fact]
    public async Task A_flood_of_calls_is_refused_while_the_connection_keeps_its_subscription_and_others_carry_on()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();
        await using var flooder = await HubListener.ConnectAsync(api, forwardedFor: "198.51.100.2");
        await flooder.Connection.InvokeAsync("SubscribeToTracking", order.TrackingCode);

        // Ten calls are allowed: the listener's own call once connected, the subscription, and these eight.
        for (var i = 0; i < 8; i++)
        {
            await flooder.Connection.InvokeAsync("UnsubscribeFromTracking", "OT-0000000000");
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => flooder.Connection.InvokeAsync("SubscribeToTracking", "OT-0000000000"));
        Assert.Contains("Too many calls on this connection", refused.Message);

        await using var neighbour = await HubListener.ConnectAsync(api, forwardedFor: "198.51.100.2");
        await neighbour.Connection.InvokeAsync("SubscribeToTracking", order.TrackingCode);

        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
        await flooder.WaitForAsync(l => HeardAbout(l, order.TrackingCode), "the update for the code followed before the flood");
        await neighbour.WaitForAsync(l => HeardAbout(l, order.TrackingCode), "the update on another connection");
    }

    [Fact]
    public async Task Anonymous_connections_from_one_address_are_capped_and_other_addresses_and_users_still_connect()
    {
        var held = new List<HubListener>();
        for (var i = 0; i < 3; i++)
        {
            held.Add(await HubListener.ConnectAsync(api, forwardedFor: "198.51.100.4"));
        }

        await using var refused = await HubListener.ConnectAsync(api, forwardedFor: "198.51.100.4", waitUntilJoined: false);
        var closedWith = await refused.ClosedAsync();
        Assert.Contains("Too many live connections from your address", closedWith?.Message);

        await using var elsewhere = await HubListener.ConnectAsync(api, forwardedFor: "198.51.100.5");
        await elsewhere.Connection.InvokeAsync("SubscribeToTracking", "OT-0000000000");
        var (signedIn, _) = await api.SignedInAsync(UserRole.Merchant);
        var token = signedIn.DefaultRequestHeaders.Authorization!.Parameter;
        await using var user = await HubListener.ConnectAsync(api, () => Task.FromResult<string?>(token), forwardedFor: "198.51.100.4");
        await user.Connection.InvokeAsync("SubscribeToTracking", "OT-0000000000");
        foreach (var connection in held)
        {
            await connection.Connection.InvokeAsync("SubscribeToTracking", "OT-0000000000");
        }

        // A closed connection gives its place back (the server notices the close on its own schedule).
        await held[0].DisposeAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var subscribed = await Record.ExceptionAsync(async () =>
            {
                await using var again = await HubListener.ConnectAsync(api, forwardedFor: "198.51.100.4");
                await again.Connection.InvokeAsync("SubscribeToTracking", "OT-0000000000");
            });
            if (subscribed is null)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "A closed connection never gave its place back.");
            await Task.Delay(50);
        }

        foreach (var connection in held.Skip(1))
        {
            await connection.DisposeAsync();
        }
    }
}
