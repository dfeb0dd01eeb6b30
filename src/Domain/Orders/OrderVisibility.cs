using System.Linq.Expressions;
using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders;

/// <summary>
/// Which orders an actor may see at all. An order outside this filter does not exist for that actor
/// (404, never 403). Written as an expression so the database applies the very same rule.
/// </summary>
public static class OrderVisibility
{
    public static Expression<Func<Order, bool>> For(Actor actor)
    {
        var rule = ForKind(actor.Type);
        var id = new ActorId(actor.Id);
        return Expression.Lambda<Func<Order, bool>>(
            Predicates.Substitute(rule.Body, rule.Parameters[1], Expression.Property(Expression.Constant(id), nameof(ActorId.Value))), rule.Parameters[0]);
    }

    /// <summary>
    /// The rule of one kind of actor, with the actor's id as the second parameter: what <see cref="For"/> binds to one
    /// actor, and what a compiled query takes as a parameter of its own (one compiled query per kind of actor).
    /// </summary>
    public static Expression<Func<Order, Guid, bool>> ForKind(ActorType type) => type switch
    {
        ActorType.Admin => (order, _) => true,
        ActorType.Merchant => (order, actorId) => order.MerchantId == actorId,
        ActorType.Delivery => WithPickupPool((order, actorId) => order.AssignedCourierId == actorId),
        ActorType.Partner => (order, actorId) => order.AssignedPartnerId == actorId,
        _ => (order, _) => false,
    };

    private static Expression<Func<Order, Guid, bool>> WithPickupPool(Expression<Func<Order, Guid, bool>> rule) =>
        Expression.Lambda<Func<Order, Guid, bool>>(
            Expression.OrElse(rule.Body, Predicates.Substitute(Order.InPickupPool.Body, Order.InPickupPool.Parameters[0], rule.Parameters[0])),
            rule.Parameters);

    /// <summary>Holds the actor's id so that a query reads it as a parameter, as it would a captured variable.</summary>
    private sealed record ActorId(Guid Value);

    /// <summary>
    /// What an export may hold: what the caller may see, except that a courier's export holds only its own
    /// deliveries, never the pool (whose customers it may not see).
    /// </summary>
    public static Expression<Func<Order, bool>> ForExport(Actor actor) =>
        actor.Type == ActorType.Delivery ? AssignedTo(actor.Id) : For(actor);

    /// <summary>
    /// The visible orders whose customer and street the caller may see, for searching by customer name: the database
    /// side of <see cref="Order.ShowsOnlyDeliveryAreaTo"/>.
    /// </summary>
    public static Expression<Func<Order, bool>> WithCustomer(Actor actor) =>
        actor.Type == ActorType.Delivery ? AssignedTo(actor.Id) : order => true;

    private static Expression<Func<Order, bool>> AssignedTo(Guid courierId) => order => order.AssignedCourierId == courierId;

    /// <summary>
    /// What a courier's claim may find: the orders it may see, plus an order another courier has just claimed from
    /// the pool, so that the courier who loses a race for one is told it was claimed first (409) rather than that it
    /// is gone. An order assigned to someone else by its merchant or an admin stays out of sight (404).
    /// </summary>
    public static Expression<Func<Order, bool>> ForClaim(Actor actor) =>
        actor.Type == ActorType.Delivery ? For(actor).Or(Order.JustClaimed) : For(actor);
}
