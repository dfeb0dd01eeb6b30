using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderTracking.Infrastructure.Analytics;

/// <summary>
/// Folds the recorded order changes into the analytics roll-ups every <see cref="AnalyticsOptions.CompactionInterval"/>.
/// Every instance runs it; an advisory lock lets one fold at a time, and the others skip that turn.
/// </summary>
public sealed partial class AnalyticsCompactionService(
    IServiceScopeFactory scopes,
    IOptions<AnalyticsOptions> options,
    TimeProvider timeProvider,
    ILogger<AnalyticsCompactionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CompactionInterval, timeProvider);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var folded = await scope.ServiceProvider.GetRequiredService<AnalyticsRollups>().CompactAsync(stoppingToken);
                LogFolded(logger, folded);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFoldFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Folded {Changes} order changes into the analytics roll-ups")]
    private static partial void LogFolded(ILogger logger, long changes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Folding order changes into the analytics roll-ups failed; will try again (the summary stays exact meanwhile)")]
    private static partial void LogFoldFailed(ILogger logger, Exception exception);
}
