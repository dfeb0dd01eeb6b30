using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OrderTracking.WebApi.Hubs;

/// <summary>
/// The Redis backplane of live updates, made to degrade instead of fail: the connection never aborts the start and
/// fails fast while Redis is away (no request waits on it), StackExchange.Redis reconnects and restores the
/// subscriptions when Redis returns, and meanwhile <see cref="LocalFallbackHubLifetimeManager{THub}"/> delivers
/// each instance's messages to its own clients. <c>/health/ready</c> says Degraded while Redis is away, and until
/// the connections opened meanwhile have joined it: the instance still serves, so the balancer keeps it.
/// </summary>
/// <remarks>
/// The Redis manager asks for its connection as soon as it is built and subscribes to its own channels (broadcast,
/// group management, acknowledgements, client results) once, as soon as it has it, and never again: a connection
/// handed over while Redis is down would leave it without them for good. So <see cref="Connector"/> makes the
/// connection itself and hands it over only once Redis has answered; until then every message stays within the
/// instance (ADR 0037; <c>RedisHubManagerBehaviourTests</c> holds SignalR to this).
/// </remarks>
public sealed partial class RedisBackplane : IHealthCheck
{
    private readonly TaskCompletionSource<IConnectionMultiplexer> _connection = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _managerStarted;
    private int _connectionsOutside;

    /// <summary>True while Redis is up and the Redis manager has its subscriptions: messages may go through it.</summary>
    public bool IsConnected => _managerStarted && _connection.Task is { IsCompletedSuccessfully: true, Result: var connection } && Answers(connection);

    /// <summary>
    /// Both of the multiplexer's connections are up. <see cref="IConnectionMultiplexer.IsConnected"/> turns true with the
    /// command connection; the subscription connection comes back on its own moments later, and a SUBSCRIBE before then
    /// fails fast, which would leave the Redis manager without its channels for good.
    /// </summary>
    private static bool Answers(IConnectionMultiplexer connection) => connection.IsConnected && connection.GetSubscriber().IsConnected();

    /// <summary>How often the connector looks whether Redis has come (back) and connections wait to join it.</summary>
    private static TimeSpan LookInterval => TimeSpan.FromSeconds(1);

    public static void Add(ISignalRServerBuilder signalR, string configuration)
    {
        var backplane = new RedisBackplane();
        signalR.Services.AddSingleton(backplane);
        signalR.AddStackExchangeRedis(configuration, options =>
        {
            options.Configuration.ChannelPrefix = RedisChannel.Literal("order-tracking");
            options.Configuration.AbortOnConnectFail = false;
            options.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
            options.ConnectionFactory = _ => backplane._connection.Task;
        });

        // The Redis manager and a local one side by side, behind the one that picks per message.
        signalR.Services.AddSingleton(typeof(RedisHubLifetimeManager<>));
        signalR.Services.AddSingleton(typeof(DefaultHubLifetimeManager<>));
        signalR.Services.AddSingleton(typeof(HubLifetimeManager<>), typeof(LocalFallbackHubLifetimeManager<>));
        signalR.Services.AddHealthChecks().AddCheck<RedisBackplane>("redis-backplane", tags: ["ready"]);
        signalR.Services.AddHostedService<Connector>();
    }

    /// <summary>Counts the connections only this instance knows (opened while Redis was away), up or down.</summary>
    public void ConnectionsOutsideChanged(int by) => Interlocked.Add(ref _connectionsOutside, by);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !IsConnected ? HealthCheckResult.Degraded("The Redis backplane is away: live updates reach this instance's clients only until it returns.")
            : Volatile.Read(ref _connectionsOutside) > 0 ? HealthCheckResult.Degraded("The Redis backplane is back; the connections opened while it was away are joining it.")
            : HealthCheckResult.Healthy("The Redis backplane is connected."));

    /// <summary>
    /// Connects to Redis (at once, or whenever it comes), then hands the Redis manager a connected multiplexer,
    /// and from then on puts the connections opened while Redis was away into it whenever Redis is up.
    /// </summary>
    private sealed partial class Connector(
        RedisBackplane backplane,
        IOptions<RedisOptions> options,
        RedisHubLifetimeManager<OrdersHub> redis,
        HubLifetimeManager<OrdersHub> manager,
        ILogger<RedisBackplane> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var connection = await ConnectionMultiplexer.ConnectAsync(options.Value.Configuration);
            if (!Answers(connection))
            {
                LogUnreachable(logger);
            }

            using var timer = new PeriodicTimer(LookInterval);
            do
            {
                if (!Answers(connection))
                {
                    continue;
                }

                try
                {
                    if (!backplane._managerStarted)
                    {
                        // The manager has been waiting for its connection since it was built and subscribes as soon as it
                        // gets it; a message to a connection id nobody has returns once it has.
                        backplane._connection.TrySetResult(connection);
                        await redis.SendConnectionAsync("order-tracking-backplane-start", "none", [], stoppingToken);
                        backplane._managerStarted = true;
                        LogConnected(logger);
                    }

                    await ((LocalFallbackHubLifetimeManager<OrdersHub>)manager).JoinRedisAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    LogNotYet(logger, ex.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "The Redis backplane is not reachable at start-up; live updates stay within this instance until it is")]
        private static partial void LogUnreachable(ILogger logger);

        [LoggerMessage(Level = LogLevel.Information, Message = "The Redis backplane is connected; live updates reach the clients of every instance")]
        private static partial void LogConnected(ILogger logger);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The Redis backplane went away again while connecting ({Exception}); trying again")]
        private static partial void LogNotYet(ILogger logger, string exception);
    }
}
