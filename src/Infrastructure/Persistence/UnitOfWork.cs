using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Telemetry;
using OrderTracking.Domain.Common;
using OrderTracking.Infrastructure.Outbox;

namespace OrderTracking.Infrastructure.Persistence;

/// <summary>
/// Saves a command's changes together with the domain events they raised (as outbox rows, in the same batch), in the
/// transaction the TransactionBehaviour chose: on their own (one batch, which PostgreSQL runs as one transaction and
/// commits) or inside <see cref="InTransactionAsync{T}"/>. It remembers which saves committed, and
/// <see cref="AfterCommit"/> wakes this instance's outbox dispatcher for them (<see cref="OutboxSignal"/>) and counts
/// their events, so the announcements and the domain counters see committed changes only, each once. It is also the
/// one place where the database's refusals become the Application's conflicts.
/// </summary>
public sealed class UnitOfWork(AppDbContext db, OutboxSignal outbox, TimeProvider timeProvider) : IUnitOfWork, ICommandTransactions, IQueryRetries
{
    private readonly Saved _committed = new();
    private readonly Saved _uncommitted = new();
    private bool _inTransaction;

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var raising = OutboxWriter.AddRaisedEvents(db, timeProvider);
        var written = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToList();

        // Outside an explicit transaction, a save that only inserts (a new order with its items, history entry and outbox
        // row) and fits in one batch needs no BEGIN and COMMIT of its own: PostgreSQL runs the statements of one batch as
        // one transaction, and any failing INSERT takes the others with it. A save that updates needs EF Core's
        // transaction: EF Core checks the version from the rows the UPDATE affected, after the batch has run, and a
        // mismatch is no error to PostgreSQL, so only a transaction still open at that moment can take back the
        // history entry and outbox row inserted beside it.
        var insertsOnly = !_inTransaction && db.ChangeTracker.Entries().All(e => e.State is EntityState.Added or EntityState.Unchanged or EntityState.Detached)
            && db.ChangeTracker.Entries().Count(e => e.State == EntityState.Added) <= AppDbContextOptions.MaxBatchSize;
        db.Database.AutoTransactionBehavior = insertsOnly ? AutoTransactionBehavior.Never : AutoTransactionBehavior.WhenNeeded;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            ForgetUnsavedEvents();
            throw await ConflictAsync(conflict, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            ForgetUnsavedEvents();
            throw new DuplicateException("This would duplicate something that must be unique.");
        }
        finally
        {
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.WhenNeeded;
        }

        var saved = _inTransaction ? _uncommitted : _committed;
        foreach (var aggregate in raising)
        {
            saved.Events.AddRange(aggregate.DomainEvents);
            aggregate.ClearDomainEvents();
        }

        saved.Messages.AddRange(written);
    }

    public Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            // A retried try starts from nothing: what the failed try tracked or saved went with its rollback.
            db.ChangeTracker.Clear();
            _uncommitted.Clear();

            // Every save joins this transaction and a failure rolls the whole of it back, so EF Core's savepoint per
            // save would only add a round trip (RELEASE SAVEPOINT) to each.
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                _inTransaction = true;
                var result = await work(token);
                await transaction.CommitAsync(token);
                _committed.Take(_uncommitted);
                return result;
            }
            catch (InvalidOperationException lost) when (db.Database.GetDbConnection().State != ConnectionState.Open)
            {
                // The server ended the connection between two statements (pg_terminate_backend, a restart): Npgsql
                // closes the transaction with it and refuses the next statement with an InvalidOperationException. Nothing
                // committed (the commit is the last statement), so the whole unit may run again.
                throw new DatabaseConnectionLostException(lost);
            }
            finally
            {
                _inTransaction = false;
                db.Database.AutoSavepointsEnabled = true;
            }
        }, cancellationToken);

    /// <remarks>
    /// Inside an execution strategy's operation EF Core neither retries nor buffers the statements: the strategy runs the
    /// whole operation again instead.
    /// </remarks>
    public Task<T> RetryingAsync<T>(Func<CancellationToken, Task<T>> query, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(query, cancellationToken);

    public void AfterCommit()
    {
        if (_committed.Messages.Count > 0)
        {
            outbox.Committed(_committed.Messages);
        }

        OrderTrackingTelemetry.Committed(_committed.Events);
        _committed.Clear();
    }

    /// <summary>
    /// The row moved on between our read and our write. Its state now is read (one query, only on a conflict) so that
    /// the answer names it, as one message for every command.
    /// </summary>
    private static async Task<ConcurrencyConflictException> ConflictAsync(DbUpdateConcurrencyException conflict, CancellationToken cancellationToken)
    {
        var entry = conflict.Entries.Count > 0 ? conflict.Entries[0] : null;
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

    /// <summary>The outbox rows and events of some saves.</summary>
    private sealed class Saved
    {
        public List<Guid> Messages { get; } = [];

        public List<IDomainEvent> Events { get; } = [];

        public void Take(Saved other)
        {
            Messages.AddRange(other.Messages);
            Events.AddRange(other.Events);
            other.Clear();
        }

        public void Clear()
        {
            Messages.Clear();
            Events.Clear();
        }
    }
}
