using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Events;

namespace OrderTracking.Infrastructure.Outbox;

/// <summary>
/// Runs the live-update handlers (<see cref="ILiveUpdateHandler"/>) of the events this instance committed, as soon as
/// they commit, in a lane of their own: the <see cref="OutboxDispatcher"/> runs every other handler, and a backlog
/// there (one merchant's events each planning deliveries to dozens of webhook endpoints) never delays a live update.
/// One aggregate's events are announced in their commit order, different aggregates' side by side. The dispatcher
/// runs the live handlers itself for the rows it takes over from another instance, and for rows whose announcement
/// failed here (ADR 0039).
/// </summary>
public sealed partial class LiveAnnouncer(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<LiveAnnouncer> logger) : BackgroundService
{
    private readonly Channel<OutboxMessage> _committed = Channel.CreateUnbounded<OutboxMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _announcing = new();

    /// <summary>These rows committed in this instance: announce them now.</summary>
    public void Committed(IEnumerable<OutboxMessage> messages)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var message in messages)
        {
            _announcing[message.Id] = now;
            _committed.Writer.TryWrite(message);
        }
    }

    /// <summary>
    /// Whether this lane announces (or has announced) the row, so that the dispatcher leaves its live handlers out; the
    /// answer is given once per row. Rows older than <see cref="OutboxOptions.TakeoverDelay"/> are forgotten after each
    /// batch (another instance may have taken those over by now), so this stays one lookup on the dispatcher's path.
    /// </summary>
    public bool Announces(Guid messageId) => _announcing.TryRemove(messageId, out _);

    private void ForgetOld()
    {
        var oldest = timeProvider.GetUtcNow() - options.Value.TakeoverDelay;
        foreach (var (id, at) in _announcing)
        {
            if (at < oldest)
            {
                _announcing.TryRemove(id, out _);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<OutboxMessage>();
        try
        {
            while (await _committed.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < options.Value.BatchSize && _committed.Reader.TryRead(out var message))
                {
                    batch.Add(message);
                }

                await Parallel.ForEachAsync(
                    batch.GroupBy(m => m.AggregateId),
                    new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = stoppingToken },
                    async (events, token) =>
                    {
                        foreach (var message in events)
                        {
                            await AnnounceAsync(message, token);
                        }
                    });
                batch.Clear();
                ForgetOld();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is left unannounced was committed, and its screens reload when they reconnect.
        }
    }

    private async Task AnnounceAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var domainEvent = DomainEventTypes.Deserialize(message.Type, message.Payload);
            var context = new DomainEventContext(message.Id, message.AggregateType, message.AggregateId, message.OccurredAt);
            await using var scope = scopes.CreateAsyncScope();
            await DomainEventHandlers.For(domainEvent.GetType()).RunAsync(scope.ServiceProvider, domainEvent, context, HandlerLane.LiveUpdates, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Handed back: if the dispatcher has not handled the row yet, it runs the live handlers with its retries.
            var handedBack = _announcing.TryRemove(message.Id, out _);
            LogFailed(logger, message.Type, message.Id, handedBack, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing {EventType} {EventId} live failed; handed back to the outbox dispatcher: {HandedBack}")]
    private static partial void LogFailed(ILogger logger, string eventType, Guid eventId, bool handedBack, Exception exception);
}
