using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Notifications;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Infrastructure.Persistence;

/// <summary>
/// Saves the request's changes and, once they are committed, announces the orders that changed. When the
/// request runs inside an explicit transaction (an idempotent request), the announcement waits for
/// <see cref="PublishCommittedAsync"/>, called after that transaction commits; a rollback discards it.
/// </summary>
public sealed class UnitOfWork(AppDbContext db, IOrderNotifier notifier) : IUnitOfWork
{
    private readonly List<OrderChange> _pending = [];

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries<Order>()
            .Where(e => e.Entity.DomainEvents.Count > 0)
            .Select(e => (Order: e.Entity, Events: e.Entity.DomainEvents.ToList()))
            .ToList();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Someone else changed this at the same moment. Reload it and try again.");
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DuplicateException("This would duplicate something that must be unique.");
        }

        foreach (var (order, events) in changed)
        {
            order.ClearDomainEvents();
            _pending.Add(OrderChange.From(order, events));
        }

        if (db.Database.CurrentTransaction is null)
        {
            await PublishCommittedAsync(cancellationToken);
        }
    }

    /// <summary>Announces what was saved; call only once the saving transaction has committed.</summary>
    public async Task PublishCommittedAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var changes = _pending.ToList();
        _pending.Clear();
        await notifier.PublishAsync(changes, cancellationToken);
    }
}
