using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Infrastructure.Persistence;

/// <summary>
/// Which saves PostgreSQL refuses inside their own batch, so that the batch needs no BEGIN and COMMIT of its own
/// (PostgreSQL runs the statements of one batch as one transaction, and a failing statement takes the others with it):
/// inserts, which fail on a unique or foreign key, and changes of orders, whose version check is their new timeline
/// entry's INSERT under one entry per version of an order (docs/decisions/0027-the-order-version-is-its-timeline.md).
/// Any other update is checked by EF Core from the rows it affected, after the batch has run, and only a transaction
/// still open then can take back what was inserted beside it.
/// </summary>
internal static class RefusedInsideTheBatch
{
    /// <summary>The unique index that keeps one timeline entry per version of an order.</summary>
    public const string OneEntryPerVersion = "ix_order_history_order_id_version";

    /// <summary>
    /// Whether every refusal the pending save can meet is an error inside its batch: it fits in one batch, deletes
    /// nothing, and each row it updates is an order that appends its next timeline entry beside the update.
    /// </summary>
    public static bool Holds(ChangeTracker changes)
    {
        var entries = changes.Entries().ToList();
        if (entries.Count(e => e.State == EntityState.Added) > AppDbContextOptions.MaxBatchSize)
        {
            return false;
        }

        foreach (var entry in entries)
        {
            switch (entry.State)
            {
                case EntityState.Deleted:
                    return false;
                case EntityState.Modified when entry.Entity is Order order:
                    if (!entries.Any(e => e is { State: EntityState.Added, Entity: OrderHistoryEntry step } && step.OrderId == order.Id && step.Version == order.Version))
                    {
                        return false;
                    }

                    break;
                case EntityState.Modified when entry.Metadata.IsOwned() && entry.Metadata.GetTableName() == "orders":
                    // The customer, the addresses: columns of the order's own row, in its UPDATE.
                    break;
                case EntityState.Modified:
                    return false;
            }
        }

        return true;
    }

    /// <summary>The change that lost the race for its version: the order whose next timeline entry another change wrote first.</summary>
    public static EntityEntry? LostVersion(ChangeTracker changes) =>
        changes.Entries<Order>().FirstOrDefault(e => e.State == EntityState.Modified);
}
