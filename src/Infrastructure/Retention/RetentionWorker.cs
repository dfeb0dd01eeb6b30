using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderTracking.Infrastructure.Retention;

/// <summary>
/// The one background job for everything that is deleted or blanked once it has outlived its use: at startup and then
/// every <see cref="RetentionOptions.Interval"/> it runs each registered <see cref="IRetentionRule"/> in a scope of its
/// own, so one rule that fails (the database away for a moment) neither stops the others nor shares their context.
/// Every rule is an idempotent, set-based change, so several instances may run the job at the same time: the second
/// finds nothing left to do. Only counts are logged, never what was deleted.
/// </summary>
public sealed partial class RetentionWorker(
    IServiceScopeFactory scopes,
    IOptions<RetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, timeProvider);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs every rule once, each in its own scope; returns the rows each changed (a rule that failed is left out).</summary>
    public async Task<IReadOnlyDictionary<string, int>> RunOnceAsync(CancellationToken cancellationToken)
    {
        int ruleCount;
        await using (var scope = scopes.CreateAsyncScope())
        {
            ruleCount = scope.ServiceProvider.GetServices<IRetentionRule>().Count();
        }

        var changed = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < ruleCount; index++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var rule = scope.ServiceProvider.GetServices<IRetentionRule>().ElementAt(index);
            var name = rule.GetType().Name;
            try
            {
                var count = await rule.ApplyAsync(cancellationToken);
                changed[name] = count;
                if (count > 0)
                {
                    LogApplied(logger, name, count);
                }
                else
                {
                    LogNothingToDo(logger, name);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogRuleFailed(logger, name, ex);
            }
        }

        return changed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Rule} deleted or blanked {Count} rows")]
    private static partial void LogApplied(ILogger logger, string rule, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention: {Rule} had nothing to do")]
    private static partial void LogNothingToDo(ILogger logger, string rule);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: {Rule} failed; the next run tries again")]
    private static partial void LogRuleFailed(ILogger logger, string rule, Exception exception);
}
