using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OrderTracking.Domain.Common;

namespace OrderTracking.Infrastructure.Outbox;

/// <summary>
/// Turns the domain events of every tracked <see cref="AggregateRoot"/> into <see cref="OutboxMessage"/> rows of
/// the same context, so they are saved by the same SaveChanges, in the same transaction, as the change itself.
/// Knows no aggregate type: the type name and the key come from the EF Core model.
/// </summary>
public static class OutboxWriter
{
    /// <summary>Adds a row per raised event; returns the aggregates whose events were written.</summary>
    public static IReadOnlyList<AggregateRoot> AddRaisedEvents(DbContext db, TimeProvider timeProvider)
    {
        var raising = db.ChangeTracker.Entries<AggregateRoot>().Where(e => e.Entity.DomainEvents.Count > 0).ToList();
        if (raising.Count == 0)
        {
            return [];
        }

        var now = timeProvider.GetUtcNow();
        foreach (var entry in raising)
        {
            var aggregateId = KeyOf(entry);
            foreach (var domainEvent in entry.Entity.DomainEvents)
            {
                db.Add(new OutboxMessage
                {
                    Id = Guid.CreateVersion7(now),
                    Type = DomainEventTypes.NameOf(domainEvent),
                    AggregateType = entry.Metadata.ClrType.Name,
                    AggregateId = aggregateId,
                    Payload = DomainEventTypes.Serialize(domainEvent),
                    OccurredAt = domainEvent.OccurredAt,
                });
            }
        }

        return raising.Select(e => e.Entity).ToList();
    }

    private static Guid KeyOf(EntityEntry<AggregateRoot> entry) =>
        entry.Metadata.FindPrimaryKey()?.Properties is [var key] && entry.Property(key.Name).CurrentValue is Guid id
            ? id
            : throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} raises domain events, so it needs a single Guid key for the outbox.");
}
