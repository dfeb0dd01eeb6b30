using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace OrderTracking.WebApi.Hubs;

/// <summary>
/// The Redis backplane of live updates, made to degrade instead of fail: the connection never aborts the start and
/// fails fast while Redis is away (no request waits on it), StackExchange.Redis reconnects and restores the
/// subscriptions when Redis returns, and meanwhile <see cref="LocalFallbackHubLifetimeManager{THub}"/> delivers
/// each instance's messages to its own clients. <c>/health/ready</c> says Degraded while Redis is away: the
/// instance still serves, so the balancer keeps it.
/// </summary>
public sealed partial class RedisBackplane : IHealthCheck
{
    private volatile ConnectionMultiplexer? _connection;

    /// <summary>True while the backplane's Redis connection is up.</summary>
    public bool IsConnected => _connection?.IsConnected == true;

    public static void Add(ISignalRServerBuilder signalR, string configuration)
    {
        var backplane = new RedisBackplane();
        signalR.Services.AddSingleton(backplane);
        signalR.AddStackExchangeRedis(configuration, options =>
        {
            options.Configuration.ChannelPrefix = RedisChannel.Literal("order-tracking");
            options.Configuration.AbortOnConnectFail = false;
            options.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
            options.ConnectionFactory = async writer =>
            {
                var connection = await ConnectionMultiplexer.ConnectAsync(options.Configuration, writer);
                backplane._connection = connection;
                return connection;
            };
        });

        // The Redis manager and a local one side by side, behind the one that picks per message.
        signalR.Services.AddSingleton(typeof(RedisHubLifetimeManager<>));
        signalR.Services.AddSingleton(typeof(DefaultHubLifetimeManager<>));
        signalR.Services.AddSingleton(typeof(HubLifetimeManager<>), typeof(LocalFallbackHubLifetimeManager<>));
        signalR.Services.AddHealthChecks().AddCheck<RedisBackplane>("redis-backplane", tags: ["ready"]);
        signalR.Services.AddHostedService<Connector>();
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(IsConnected
            ? HealthCheckResult.Healthy("The Redis backplane is connected.")
            : HealthCheckResult.Degraded("The Redis backplane is away: live updates reach this instance's clients only until it returns."));

    /// <summary>
    /// Connects the backplane at start-up: the Redis manager connects on its first use, and the fallback manager
    /// uses it only once it is connected. A message to a connection id nobody has is that first use.
    /// </summary>
    private sealed partial class Connector(RedisHubLifetimeManager<OrdersHub> redis, ILogger<RedisBackplane> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            try
            {
                await redis.SendConnectionAsync("order-tracking-backplane-start", "none", [], stoppingToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogUnreachable(logger, ex.GetType().Name);
            }
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "The Redis backplane is not reachable at start-up ({Exception}); live updates stay within this instance until it is")]
        private static partial void LogUnreachable(ILogger logger, string exception);
    }
}
