using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Outbox;

/// <summary>
/// Listens on the <see cref="Channel"/> channel that the outbox table's insert trigger notifies at every commit, so
/// this instance dispatches what another instance wrote and did not dispatch (it crashed or is stuck) as soon as
/// <see cref="OutboxOptions.TakeoverDelay"/> allows, without waiting for the sweep. Holds one unpooled connection
/// (<see cref="DatabaseConnections.Listener"/>); after losing it, wakes the dispatcher once it is back to catch up.
/// </summary>
public sealed partial class OutboxListener(
    DatabaseConnections connections,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxListener> logger) : BackgroundService
{
    public const string Channel = "outbox_messages";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await connections.Listener.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.WakeForTakeover(options.Value.TakeoverDelay);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                signal.Wake();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(logger, options.Value.ListenerReconnectDelay, ex);
                await Task.Delay(options.Value.ListenerReconnectDelay, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for outbox commits of other instances failed; trying again in {Delay} (the sweep still runs)")]
    private static partial void LogListenFailed(ILogger logger, TimeSpan delay, Exception exception);
}
