using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Queries;
using OrderTracking.Domain.Common;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.WebApi.Health;

/// <summary>
/// Pays the first-request costs before the instance reports ready: EF Core builds its model and compiles the hot
/// queries (sign-in, the order list, an order by tracking code), and the connection pool opens its first
/// connection. Until then the first requests after a restart took seconds each. A database that is down at start
/// is tried again until it answers; readiness stays Unhealthy meanwhile.
/// </summary>
public sealed partial class WarmUpService(IServiceScopeFactory scopes, InstanceReadiness readiness, ILogger<WarmUpService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunHotQueriesAsync(stoppingToken);
                readiness.MarkWarm();
                LogWarm(logger, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && DatabaseUnavailability.IsUnavailable(ex))
            {
                LogDatabaseNotYetAvailable(logger, ex.GetBaseException().Message);
                await Task.Delay(RetryInterval, stoppingToken);
            }
        }
    }

    private async Task RunHotQueriesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var warmUpActor = new Actor(ActorType.Admin, Guid.Empty, "warm-up");
        await services.GetRequiredService<IUserRepository>().FindByEmailAsync("warm-up@invalid", cancellationToken);
        await services.GetRequiredService<IOrderQueries>().ListAsync(new OrderFilter(), warmUpActor, services.GetRequiredService<TimeProvider>().GetUtcNow(), null, 1, cancellationToken);
        await services.GetRequiredService<ITrackingFactsReader>().ReadAsync("OT-WARMUP", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up in {Milliseconds:0} ms; ready for traffic")]
    private static partial void LogWarm(ILogger logger, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up waits for the database: {Reason}")]
    private static partial void LogDatabaseNotYetAvailable(ILogger logger, string reason);
}
