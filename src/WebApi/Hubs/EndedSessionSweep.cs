using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Interfaces;

namespace OrderTracking.WebApi.Hubs;

/// <summary>
/// Closes this instance's hub connections whose session has ended, whichever instance made the change: every few
/// seconds it asks the same check as each request does. A connection outlives its token's session by at most
/// this period plus the check's cache time.
/// </summary>
public sealed partial class EndedSessionSweep(
    UserConnections userConnections,
    IServiceScopeFactory scopes,
    IOptions<OrderTracking.Application.Auth.Common.SessionOptions> options,
    ILogger<EndedSessionSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.AccessCheckCacheSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be away for a moment; the next tick tries again.
                LogSweepFailed(logger, ex);
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var connections = userConnections.All();
        if (connections.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var check = scope.ServiceProvider.GetRequiredService<IUserSessionCheck>();
        foreach (var connection in connections)
        {
            if (!await check.IsCurrentAsync(connection.UserId, connection.SessionVersion, connection.SessionId, cancellationToken))
            {
                connection.Context.Abort();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the sessions of open hub connections")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
