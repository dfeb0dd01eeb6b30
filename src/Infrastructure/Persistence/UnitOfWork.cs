using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Telemetry;
using OrderTracking.Domain.Common;
using OrderTracking.Infrastructure.Outbox;

namespace OrderTracking.Infrastructure.Persistence;

/// <summary>
/// Saves the request's changes together with the domain events they raised (as outbox rows, in the same
/// transaction) and, once they are committed, wakes the outbox dispatcher. When the request runs inside an explicit
/// transaction (an idempotent request), the wake waits for <see cref="Committed"/>, called after that transaction
/// commits; a rollback takes the rows with it, so nothing is announced. This instance's dispatcher claims the rows it
/// is woken for ahead of other instances (<see cref="OutboxSignal"/>). The domain counters are counted at the same
/// point, from the events saved, so they count committed changes only, once each.
/// </summary>
public sealed class UnitOfWork(AppDbContext db, OutboxSignal outbox, TimeProvider timeProvider) : IUnitOfWork
{
    private readonly List<Guid> _written = [];
    private readonly List<IDomainEvent> _saved = [];

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var raising = OutboxWriter.AddRaisedEvents(db, timeProvider);
        var written = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToList();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ForgetUnsavedEvents();
            throw new ConcurrencyConflictException("Someone else changed this at the same moment. Reload it and try again.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            ForgetUnsavedEvents();
            throw new DuplicateException("This would duplicate something that must be unique.");
        }

        foreach (var aggregate in raising)
        {
            _saved.AddRange(aggregate.DomainEvents);
            aggregate.ClearDomainEvents();
        }

        _written.AddRange(written);
        if (db.Database.CurrentTransaction is null)
        {
            Committed();
        }
    }

    /// <summary>Wakes the dispatcher for what was saved and counts it; call only once the saving transaction has committed.</summary>
    public void Committed()
    {
        if (_written.Count > 0)
        {
            outbox.Committed(_written);
            _written.Clear();
        }

        OrderTrackingTelemetry.Committed(_saved);
        _saved.Clear();
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
