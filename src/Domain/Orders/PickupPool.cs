using System.Linq.Expressions;
using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders;

/// <summary>
/// The rule of the pickup pool, written once: an order ready for pickup that no courier and no partner is in
/// charge of. Kept as an expression so that memory (<see cref="Holds"/>) and the database
/// (<see cref="Order.InPickupPool"/>) apply the very same rule.
/// </summary>
public static class PickupPool
{
    private static readonly Expression<Func<OrderStatus, Guid?, Guid?, bool>> Rule =
        (status, courierId, partnerId) => status == OrderStatus.ReadyForPickup && courierId == null && partnerId == null;

    private static readonly Func<OrderStatus, Guid?, Guid?, bool> Compiled = Rule.Compile();

    public static bool Holds(OrderStatus status, Guid? courierId, Guid? partnerId) => Compiled(status, courierId, partnerId);

    /// <summary>The rule over <typeparamref name="T"/>, reading its status, courier and partner through the given members.</summary>
    public static Expression<Func<T, bool>> Over<T>(
        Expression<Func<T, OrderStatus>> status,
        Expression<Func<T, Guid?>> courierId,
        Expression<Func<T, Guid?>> partnerId)
    {
        var item = Expression.Parameter(typeof(T), "order");
        var body = Rule.Body;
        foreach (var (parameter, member) in Rule.Parameters.Zip(new LambdaExpression[] { status, courierId, partnerId }))
        {
            body = Predicates.Substitute(body, parameter, Predicates.Substitute(member.Body, member.Parameters[0], item));
        }

        return Expression.Lambda<Func<T, bool>>(body, item);
    }
}
