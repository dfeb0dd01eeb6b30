using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Infrastructure.Persistence.Repositories;

/// <summary>The order aggregate for a change: loaded tracked, added, saved by the unit of work. Its reads are <see cref="Queries.OrderQueries"/>.</summary>
public sealed class OrderRepository(AppDbContext db) : IOrderRepository
{
    /// <remarks>
    /// One round trip: the order with its items (owned, so always loaded) in a single query, and not its history,
    /// which a change only appends to: EF Core inserts the new entries without the old ones being read.
    /// </remarks>
    public Task<Order?> FindForUpdateAsync(OrderKey key, Expression<Func<Order, bool>> scope, CancellationToken cancellationToken)
    {
        var query = db.Orders.Where(scope);
        return key.Id is { } id
            ? query.FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            : query.FirstOrDefaultAsync(o => o.TrackingCode == key.TrackingCode, cancellationToken);
    }

    public void Add(Order order) => db.Orders.Add(order);
}
