using OrderTracking.Application.Orders.Common;
using OrderTracking.Application.Orders.Queries;
using OrderTracking.Application.Orders.Queries.ExportOrders;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// Orders as they are shown, never changed: nothing read here is tracked or saved. Every read that takes an
/// <see cref="Actor"/> applies <see cref="OrderVisibility"/>, so an order the actor may not see is simply not found.
/// </summary>
public interface IOrderQueries
{
    Task<Order?> FindVisibleAsync(Guid id, Actor actor, CancellationToken cancellationToken);

    /// <summary>Any order by id, read-only: for after-commit work that acts for no caller and applies its receiver's view itself.</summary>
    Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The order's timeline, oldest first, or null when the order is not one <paramref name="actor"/> may see.</summary>
    Task<IReadOnlyList<OrderHistoryEntry>?> GetVisibleHistoryAsync(Guid orderId, Actor actor, CancellationToken cancellationToken);

    /// <summary>One page in keyset order (newest first: created at, then id, both descending). <paramref name="now"/> is the instant the overdue filter is judged at.</summary>
    Task<IReadOnlyList<Order>> ListAsync(OrderFilter filter, Actor actor, DateTimeOffset now, OrderCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>How many orders match, counting no further than <paramref name="cap"/>.</summary>
    Task<int> CountAsync(OrderFilter filter, Actor actor, DateTimeOffset now, int cap, CancellationToken cancellationToken);

    /// <summary>Every matching order as a flat export row, newest first, read from the database as the caller enumerates.</summary>
    IAsyncEnumerable<OrderExportRow> StreamExportRowsAsync(OrderFilter filter, Actor actor, DateTimeOffset now, CancellationToken cancellationToken);
}
