using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using OrderTracking.Domain.Orders;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// Two instances sharing live updates through Redis, and Redis going away and coming back: the instances keep
/// serving HTTP, each one's own clients keep hearing its changes, <c>/health/ready</c> says Degraded (200, so the
/// balancer keeps them), and once Redis is back the backplane carries changes across instances again.
/// </summary>
public sealed class RedisOutageTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task With_Redis_away_HTTP_and_local_live_updates_keep_working_ready_is_Degraded_and_the_backplane_reconnects()
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var a = WebApiProcess.Start(database, redis.ConnectionString);
        await using var b = WebApiProcess.Start(database, redis.ConnectionString);
        await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());
        var (exitCode, output) = await WebApiProcess.RunVerbAsync(database, "create-admin", "--email", "redis@example.com", "--password", "Redis-outage-1", "--name", "Ops");
        Assert.True(exitCode == 0, output);
        using var adminOnA = await SignedInAsync(a);
        using var adminOnB = await SignedInAsync(b);
        var merchant = await adminOnA.PostAsJsonAsync("/api/users", new { email = "m@example.com", password = "Merchant123!", displayName = "M", role = "Merchant" });
        var merchantId = (await merchant.ReadAsync<UserResponse>()).Id;

        var heard = new List<JsonElement>();
        await using var hubOnA = await ListeningAsync(a, adminOnA, heard);

        await redis.StopAsync();

        await WaitForReadinessAsync(a, "Degraded");
        var created = await adminOnA.PostAsJsonAsync("/api/orders", OrderRequests.ValidOrder(merchantId: merchantId));
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var orderId = (await created.ReadAsync<OrderResponse>()).Id;
        await WaitUntilHeardAsync(heard, orderId, "Pending", "A's own client did not hear A's change while Redis was away", a);

        await redis.StartAgainAsync();

        await Task.WhenAll(WaitForReadinessAsync(a, "Healthy"), WaitForReadinessAsync(b, "Healthy"));
        await adminOnB.MoveAsync(orderId, OrderStatus.Confirmed);
        await WaitUntilHeardAsync(heard, orderId, "Confirmed", "A's client did not hear B's change after Redis came back", b);
    }

    [Fact]
    public async Task Instances_that_start_while_Redis_is_down_share_live_updates_once_it_comes_up()
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        await using var redis = await RedisServer.StartAsync();
        await redis.StopAsync();
        await using var a = WebApiProcess.Start(database, redis.ConnectionString);
        await using var b = WebApiProcess.Start(database, redis.ConnectionString);
        await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());
        await Task.WhenAll(WaitForReadinessAsync(a, "Degraded"), WaitForReadinessAsync(b, "Degraded"));
        var (exitCode, output) = await WebApiProcess.RunVerbAsync(database, "create-admin", "--email", "redis@example.com", "--password", "Redis-outage-1", "--name", "Ops");
        Assert.True(exitCode == 0, output);
        using var adminOnA = await SignedInAsync(a);
        using var adminOnB = await SignedInAsync(b);
        var merchant = await adminOnA.PostAsJsonAsync("/api/users", new { email = "m@example.com", password = "Merchant123!", displayName = "M", role = "Merchant" });
        var merchantId = (await merchant.ReadAsync<UserResponse>()).Id;
        var heardByEarly = new List<JsonElement>();
        await using var earlyOnB = await ListeningAsync(b, adminOnB, heardByEarly);

        await redis.StartAgainAsync();

        await Task.WhenAll(WaitForReadinessAsync(a, "Healthy"), WaitForReadinessAsync(b, "Healthy"));
        var heardByLate = new List<JsonElement>();
        await using var lateOnB = await ListeningAsync(b, adminOnB, heardByLate);
        var created = await adminOnA.PostAsJsonAsync("/api/orders", OrderRequests.ValidOrder(merchantId: merchantId));
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var orderId = (await created.ReadAsync<OrderResponse>()).Id;
        await adminOnA.MoveAsync(orderId, OrderStatus.Confirmed);
        await WaitUntilHeardAsync(heardByLate, orderId, "Confirmed", "A client that joined B after Redis came up did not hear A's change", b);
        await WaitUntilHeardAsync(heardByEarly, orderId, "Confirmed", "A client that joined B while Redis was down did not hear A's change once it came up", b);
    }

    [Fact]
    public async Task An_instance_that_starts_while_Redis_is_down_subscribes_the_Redis_manager_to_its_channels_once_it_comes_up()
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        await using var redis = await RedisServer.StartAsync();
        await redis.StopAsync();
        await using var instance = WebApiProcess.Start(database, redis.ConnectionString);
        await instance.WaitUntilReadyAsync();
        await WaitForReadinessAsync(instance, "Degraded");

        await redis.StartAgainAsync();

        // Healthy: the backplane has started the Redis manager, which subscribes before that start returns.
        await WaitForReadinessAsync(instance, "Healthy");
        using var observer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var channels = await RedisHubManagerBehaviourTests.ChannelsAsync(observer, redis.Port, "order-tracking");
        Assert.Contains(channels, channel => channel.EndsWith(RedisHubManagerBehaviourTests.AllChannel, StringComparison.Ordinal));
        Assert.Contains(channels, channel => channel.EndsWith(RedisHubManagerBehaviourTests.GroupManagementChannel, StringComparison.Ordinal));
    }

    /// <summary>A hub client of the instance, hearing every order the signed-in admin may see.</summary>
    private static async Task<HubConnection> ListeningAsync(WebApiProcess instance, HttpClient signedIn, List<JsonElement> heard)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(instance.BaseAddress, "/hubs/orders"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(signedIn.DefaultRequestHeaders.Authorization!.Parameter);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        hub.On<JsonElement>("orderChanged", payload => { lock (heard) { heard.Add(payload); } });
        await hub.StartAsync();
        // A hub call returns after OnConnectedAsync has put the connection into its groups.
        await hub.InvokeAsync("UnsubscribeFromTracking", HubListener.UnknownTrackingCode);
        return hub;
    }

    private static async Task<HttpClient> SignedInAsync(WebApiProcess instance)
    {
        var client = new HttpClient { BaseAddress = instance.BaseAddress };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "redis@example.com", password = "Redis-outage-1" });
        await login.ShouldBeAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.ReadAsync<LoginResponse>()).AccessToken);
        return client;
    }

    /// <summary>The instance notices Redis leaving (or coming back) on its own schedule: wait for it, within a bound.</summary>
    private static async Task WaitForReadinessAsync(WebApiProcess instance, string expected)
    {
        using var http = new HttpClient { BaseAddress = instance.BaseAddress };
        var deadline = DateTime.UtcNow + Bound;
        var last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            var response = await http.GetAsync("/health/ready");
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (last == $"200 {expected}")
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"/health/ready was not 200 {expected} within {Bound.TotalSeconds} s; last: {last}\n{instance.Output}");
    }

    private static async Task WaitUntilHeardAsync(List<JsonElement> heard, Guid orderId, string status, string failure, WebApiProcess instance)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (DateTime.UtcNow < deadline && !Has())
        {
            await Task.Delay(50);
        }

        Assert.True(Has(), $"{failure}\n{instance.Output}");

        bool Has()
        {
            lock (heard)
            {
                return heard.Any(p => p.GetProperty("orderId").GetGuid() == orderId && p.GetProperty("status").GetString() == status);
            }
        }
    }
}
