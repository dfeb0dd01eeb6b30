using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Telemetry;
using OrderTracking.Domain.Common;
using OrderTracking.Infrastructure.Outbox;

namespace OrderTracking.Infrastructure.Persistence;

/// <summary>
/// Saves a command's changes together with the domain events they raised (as outbox rows, in the same batch), as one
/// batch that PostgreSQL runs as one transaction, and for an identified command together with its key and result
/// (<see cref="SaveAsOneAsync{T}"/>). It remembers which saves committed, and <see cref="AfterCommit"/> hands their
/// events to this instance's live lane (<see cref="LiveAnnouncer"/>), wakes its outbox dispatcher for them
/// (<see cref="OutboxSignal"/>) and counts their events, so the announcements and
/// the domain counters see committed changes only, each once. It is also the one place where the database's refusals
/// become the Application's conflicts.
/// </summary>
public sealed class UnitOfWork(AppDbContext db, OutboxSignal outbox, LiveAnnouncer live, TimeProvider timeProvider) : IUnitOfWork, ICommandTransactions, IQueryRetries
{
    private readonly List<OutboxMessage> _committedMessages = [];
    private readonly List<IDomainEvent> _committedEvents = [];
    private bool _holding;
    private WholeQueryRetryStrategy? _queryRetries;

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        if (_holding)
        {
            // An identified command's changes are sent once its result is known, with its key and that result.
            return;
        }

        var raising = OutboxWriter.AddRaisedEvents(db, timeProvider);
        var written = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();

        // One batch is one transaction to PostgreSQL: EF Core's own BEGIN and COMMIT only where a refusal could come after it.
        db.Database.AutoTransactionBehavior = RefusedInsideTheBatch.Holds(db.ChangeTracker) ? AutoTransactionBehavior.Never : AutoTransactionBehavior.WhenNeeded;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            ForgetUnsavedEvents();
            throw await ConflictAsync(conflict.Entries.Count > 0 ? conflict.Entries[0] : null, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            ForgetUnsavedEvents();
            if (unique.ConstraintName == RefusedInsideTheBatch.OneEntryPerVersion)
            {
                throw await ConflictAsync(RefusedInsideTheBatch.LostVersion(db.ChangeTracker), cancellationToken);
            }

            throw new DuplicateException("This would duplicate something that must be unique.");
        }
        finally
        {
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.WhenNeeded;
        }

        foreach (var aggregate in raising)
        {
            _committedEvents.AddRange(aggregate.DomainEvents);
            aggregate.ClearDomainEvents();
        }

        _committedMessages.AddRange(written);
    }

    public Task<T> SaveAsOneAsync<T>(Func<CancellationToken, Task<T>> work, Action<T> keep, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            // A retried try starts from nothing: what the failed try tracked went with it, and its batch, if it did
            // commit before the fault, is found by the key that travelled in it.
            db.ChangeTracker.Clear();
            T result;
            _holding = true;
            try
            {
                result = await work(token);
            }
            finally
            {
                _holding = false;
            }

            keep(result);
            await SaveChangesAsync(token);
            return result;
        }, cancellationToken);

    /// <remarks>
    /// Inside an execution strategy's operation EF Core does not retry the statements: the strategy runs the whole
    /// operation again instead. It still buffers them under a strategy that says it retries, so queries run under one
    /// that does not say so (<see cref="WholeQueryRetryStrategy"/>).
    /// </remarks>
    public Task<T> RetryingAsync<T>(Func<CancellationToken, Task<T>> query, CancellationToken cancellationToken) =>
        (_queryRetries ??= new WholeQueryRetryStrategy(db)).ExecuteAsync(query, cancellationToken);

    public void AfterCommit()
    {
        if (_committedMessages.Count > 0)
        {
            live.Committed(_committedMessages);
            outbox.Committed(_committedMessages.Select(m => m.Id));
        }

        OrderTrackingTelemetry.Committed(_committedEvents);
        _committedMessages.Clear();
        _committedEvents.Clear();
    }

    /// <summary>
    /// The row moved on between our read and our write. Its state now is read (one query, only on a conflict) so that
    /// the answer names it, as one message for every command.
    /// </summary>
    private static async Task<ConcurrencyConflictException> ConflictAsync(EntityEntry? entry, CancellationToken cancellationToken)
    {
        var resource = entry?.Metadata.ClrType.Name.ToLowerInvariant() ?? "record";
        var now = entry is null ? null : await entry.GetDatabaseValuesAsync(cancellationToken);
        var state = now is null
            ? "it no longer exists"
            : entry!.Metadata.FindProperty("Status") is { } status ? $"it is now {now[status]}" : "it has changed";
        return new ConcurrencyConflictException($"Someone else changed the {resource} at the same moment; {state}. Reload it and try again.");
    }

    /// <summary>A failed save leaves its rows added in the context; the events stay on their aggregates instead.</summary>
    private void ForgetUnsavedEvents()
    {
        foreach (var entry in db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
