using System.Linq.Expressions;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// The order aggregate for the write side: loaded to be changed, or added; <see cref="IUnitOfWork"/> saves it.
/// Reads that only show orders are <see cref="IOrderQueries"/>.
/// </summary>
public interface IOrderRepository
{
    /// <summary>
    /// A tracked order with its items, for changing it, if <paramref name="scope"/> (an <see cref="OrderVisibility"/> rule)
    /// lets the caller reach it. Its <see cref="Order.History"/> is not loaded: a change appends to it, and only the
    /// appended entries are in memory.
    /// </summary>
    Task<Order?> FindForUpdateAsync(OrderKey key, Expression<Func<Order, bool>> scope, CancellationToken cancellationToken);

    void Add(Order order);
}
