using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.WebApi.Hubs;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;
using StackExchange.Redis;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The behaviour of SignalR's own Redis hub lifetime manager that <see cref="RedisBackplane"/> and
/// <see cref="LocalFallbackHubLifetimeManager{THub}"/> are built on (ADR 0037), observed on a real redis-server with
/// nothing of ours in between: the manager takes its connection from <c>RedisOptions.ConnectionFactory</c>, waits for it
/// and subscribes to its own channels as soon as it has it, and only then: given a connection while Redis is down, it
/// never has its channels, even once Redis is back. If a SignalR upgrade changes either, these fail, and the
/// backplane's start-up must be looked at again.
/// </summary>
public sealed class RedisHubManagerBehaviourTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_Redis_manager_subscribes_to_its_channels_once_its_connection_is_given_and_not_before()
    {
        await using var redis = await RedisServer.StartAsync();
        using var observer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var prefix = UniquePrefix();
        var connection = new TaskCompletionSource<IConnectionMultiplexer>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var services = RedisManagerServices(redis.ConnectionString, prefix, () => connection.Task);
        var manager = services.GetRequiredService<HubLifetimeManager<ProbeHub>>();

        // What RedisBackplane's connector sends to start the manager: it waits for the connection the manager waits for.
        var firstUse = manager.SendConnectionAsync("order-tracking-backplane-start", "none", []);

        Assert.False(firstUse.IsCompleted);
        Assert.Empty(await ChannelsAsync(observer, redis, prefix));

        connection.SetResult(await ConnectionMultiplexer.ConnectAsync(Options(redis, prefix)));
        await firstUse.WaitAsync(Bound);

        var channels = await ChannelsAsync(observer, redis, prefix);
        Assert.Contains(channels, channel => channel.EndsWith(AllChannel, StringComparison.Ordinal));
        Assert.Contains(channels, channel => channel.EndsWith(GroupManagementChannel, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_connection_while_Redis_is_down_the_Redis_manager_never_gets_its_channels_even_after_Redis_returns()
    {
        await using var redis = await RedisServer.StartAsync();
        await redis.StopAsync();
        var prefix = UniquePrefix();
        var given = new TaskCompletionSource<IConnectionMultiplexer>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var services = RedisManagerServices(redis.ConnectionString, prefix, async () =>
        {
            var connection = await ConnectionMultiplexer.ConnectAsync(Options(redis, prefix));
            given.TrySetResult(connection);
            return connection;
        });
        var manager = services.GetRequiredService<HubLifetimeManager<ProbeHub>>();
        // Fails (Redis is down), and only once the manager has tried its subscriptions with the connection it was given.
        await Assert.ThrowsAnyAsync<Exception>(() => manager.SendConnectionAsync("order-tracking-backplane-start", "none", []));

        await redis.StartAgainAsync();
        await ReconnectedAsync(await given.Task.WaitAsync(Bound), redis, prefix);
        await manager.SendConnectionAsync("order-tracking-backplane-start", "none", []);

        using var observer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var channels = await ChannelsAsync(observer, redis, prefix);
        Assert.Contains(prefix + ":probe", channels);
        Assert.DoesNotContain(channels, channel => channel.EndsWith(GroupManagementChannel, StringComparison.Ordinal));
    }

    /// <summary>As RedisBackplane configures its connection: its channel prefix, never abort on a failed connect, fail fast while disconnected.</summary>
    private static ConfigurationOptions Options(RedisServer redis, string prefix)
    {
        var options = ConfigurationOptions.Parse(redis.ConnectionString);
        options.ChannelPrefix = RedisChannel.Literal(prefix);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }

    private static ServiceProvider RedisManagerServices(string configuration, string prefix, Func<Task<IConnectionMultiplexer>> connect)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSignalR().AddStackExchangeRedis(configuration, options =>
        {
            options.Configuration.ChannelPrefix = RedisChannel.Literal(prefix);
            options.ConnectionFactory = _ => connect();
        });
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Waits until the manager's multiplexer is connected again, both its connections, and has done whatever it does on reconnecting: a
    /// subscription of ours made through it after the reconnect, on the same subscription connection, is answered
    /// only after the subscriptions it restores.
    /// </summary>
    private static async Task ReconnectedAsync(IConnectionMultiplexer connection, RedisServer redis, string prefix)
    {
        // IsConnected turns true with the command connection; the subscription connection comes back on its own, and
        // until it has, a SUBSCRIBE fails fast (BacklogPolicy.FailFast). Wait for both.
        var probe = RedisChannel.Literal(":probe");
        var subscriber = connection.GetSubscriber();
        var deadline = DateTime.UtcNow + Bound;
        while (!connection.IsConnected || !subscriber.IsConnected(probe))
        {
            Assert.True(DateTime.UtcNow < deadline, "the manager's connection did not come back after Redis restarted");
            await Task.Delay(50);
        }

        await subscriber.SubscribeAsync(probe, (_, _) => { });
        using var observer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.Contains(prefix + ":probe", await ChannelsAsync(observer, redis, prefix));
    }

    private static Task<List<string>> ChannelsAsync(ConnectionMultiplexer observer, RedisServer redis, string prefix) =>
        ChannelsAsync(observer, redis.Port, prefix);

    /// <summary>The manager's broadcast channel, and the one on which it hears group changes for connections it holds.</summary>
    internal const string AllChannel = ":all";

    internal const string GroupManagementChannel = ":internal:groups";

    internal static async Task<List<string>> ChannelsAsync(ConnectionMultiplexer observer, int port, string prefix) =>
        (await observer.GetServer("127.0.0.1", port).SubscriptionChannelsAsync(RedisChannel.Pattern(prefix + "*")))
            .Select(channel => channel.ToString())
            .ToList();

    private static string UniquePrefix() => "probe-" + Guid.NewGuid().ToString("N");

    /// <summary>A hub of its own, so nothing of the application's hub is involved.</summary>
    public sealed class ProbeHub : Hub;
}
