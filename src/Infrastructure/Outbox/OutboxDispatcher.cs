using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Events;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Outbox;

/// <summary>
/// Hands committed domain events to their Application handlers (those of live updates, for the rows this instance
/// committed, are <see cref="LiveAnnouncer"/>'s). Woken at once by <see cref="OutboxSignal"/> after a
/// commit in this instance, which claims its own rows first; rows another instance committed but never dispatched (it
/// crashed) are taken over once <see cref="OutboxOptions.TakeoverDelay"/> old, when NOTIFY or the sweep (every
/// <see cref="OutboxOptions.SweepInterval"/>) wakes whichever instance looks next.
/// Each pass claims due rows with <c>FOR UPDATE SKIP LOCKED</c> in a transaction held while their handlers run, so
/// with N instances each row is handled by one; a row whose handler fails is tried again later, with backoff, and
/// holds up no other row. Within a pass one aggregate's rows run in order, different aggregates' rows concurrently
/// (up to <see cref="OutboxOptions.Parallelism"/>).
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    LiveAnnouncer live,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPrune = timeProvider.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) == options.Value.BatchSize)
                {
                    // A full batch: more may be due.
                }

                if (timeProvider.GetUtcNow() >= nextPrune)
                {
                    nextPrune = timeProvider.GetUtcNow() + options.Value.PruneInterval;
                    LogPruned(logger, await PruneAsync(stoppingToken));
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, ex);
            }

            await signal.WaitAsync(options.Value.SweepInterval, stoppingToken);
        }
    }

    /// <summary>Claims up to a batch of due rows, runs their handlers and records the outcome; returns how many it claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // The context's retrying strategy runs the claim as one unit: a transient fault repeats the whole pass (and
        // so, at worst, its handlers: they run at least once anyway).
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(token => DispatchDueAsync(db, token), cancellationToken);
    }

    private async Task<int> DispatchDueAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        var writtenHere = signal.WrittenHere(settings.TakeoverDelay);
        var takeoverBefore = now - settings.TakeoverDelay;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Set<OutboxMessage>()
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE dispatched_at IS NULL AND failed_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
                  AND (id = ANY({writtenHere}) OR occurred_at <= {takeoverBefore})
                ORDER BY occurred_at, id
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        signal.Claimed(due.Select(m => m.Id));

        // One aggregate's events in their order; different aggregates' side by side. Handlers mostly wait (a query, a
        // hub send), so one at a time would leave the after-commit path slower than the writes feeding it.
        await Parallel.ForEachAsync(
            due.GroupBy(m => m.AggregateId),
            new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
            async (events, token) =>
            {
                foreach (var message in events)
                {
                    try
                    {
                        await HandleAsync(message, token);
                        message.DispatchedAt = timeProvider.GetUtcNow();
                    }
                    catch (Exception ex) when (!token.IsCancellationRequested)
                    {
                        RecordFailure(message, ex, settings);
                    }
                }
            });

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    private async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var domainEvent = DomainEventTypes.Deserialize(message.Type, message.Payload);
        var context = new DomainEventContext(message.Id, message.AggregateType, message.AggregateId, message.OccurredAt);

        // Handlers get a scope of their own: what they save is theirs, outside the claim's transaction. The live updates
        // of a row this instance committed are its live lane's (ADR 0039).
        var lane = live.Announces(message.Id) ? HandlerLane.AllButLiveUpdates : HandlerLane.All;
        await using var scope = scopes.CreateAsyncScope();
        await DomainEventHandlers.For(domainEvent.GetType()).RunAsync(scope.ServiceProvider, domainEvent, context, lane, cancellationToken);
    }

    private void RecordFailure(OutboxMessage message, Exception exception, OutboxOptions settings)
    {
        var now = timeProvider.GetUtcNow();
        message.Attempts++;
        message.LastError = Truncate($"{exception.GetType().Name}: {exception.Message}", OutboxMessage.MaxErrorLength);
        if (message.Attempts >= settings.MaxAttempts)
        {
            message.FailedAt = now;
            LogGaveUp(logger, message.Type, message.Id, message.Attempts, exception);
            return;
        }

        var delay = TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.FirstRetryDelay.Ticks * (1L << Math.Min(message.Attempts - 1, 30))));
        message.NextAttemptAt = now + delay;
        LogWillRetry(logger, message.Type, message.Id, message.Attempts, delay, exception);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>Deletes rows dispatched longer than <see cref="OutboxOptions.Retention"/> ago; one DELETE, safe on every instance.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var cutoff = timeProvider.GetUtcNow() - options.Value.Retention;
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>()
            .Where(m => m.DispatchedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling {EventType} {EventId} failed (attempt {Attempts}); trying again in {Delay}")]
    private static partial void LogWillRetry(ILogger logger, string eventType, Guid eventId, int attempts, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {EventType} {EventId} failed {Attempts} times; the outbox row is marked failed and kept for inspection")]
    private static partial void LogGaveUp(ILogger logger, string eventType, Guid eventId, int attempts, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An outbox dispatch pass failed; the next wake or sweep tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted {Deleted} dispatched outbox rows past their retention")]
    private static partial void LogPruned(ILogger logger, int deleted);
}
