using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderTracking.Infrastructure.Idempotency;

/// <summary>Deletes expired idempotency keys periodically. Each run is one DELETE, so N instances may all run it.</summary>
public sealed partial class IdempotencyPruningService(
    IServiceScopeFactory scopes,
    IOptions<IdempotencyOptions> options,
    TimeProvider timeProvider,
    ILogger<IdempotencyPruningService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval, timeProvider);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().PruneAsync(stoppingToken);
                LogPruned(logger, deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPruneFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Deleted} expired idempotency keys")]
    private static partial void LogPruned(ILogger logger, int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning idempotency keys failed; will try again")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
