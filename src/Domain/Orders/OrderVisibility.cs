using System.Collections.Frozen;
using System.Linq.Expressions;
using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders;

/// <summary>
/// Which orders an actor may see at all: those shown to one of its audiences (<see cref="OrderAudience"/>, where the
/// rule is stated). An order outside this filter does not exist for that actor (404, never 403). Written as an
/// expression so the database applies the very same rule.
/// </summary>
public static class OrderVisibility
{
    private static readonly FrozenDictionary<ActorType, Expression<Func<Order, Guid, bool>>> Kinds =
        Enum.GetValues<ActorType>().ToFrozenDictionary(kind => kind, kind => OrderAudience.Reaching(kind));

    public static Expression<Func<Order, bool>> For(Actor actor) => Bind(ForKind(actor.Type), actor);

    /// <summary>
    /// The rule of one kind of actor, with the actor's id as the second parameter: what <see cref="For"/> binds to one
    /// actor, and what a compiled query takes as a parameter of its own (one compiled query per kind of actor).
    /// </summary>
    public static Expression<Func<Order, Guid, bool>> ForKind(ActorType type) => Kinds[type];

    private static Expression<Func<Order, bool>> Bind(Expression<Func<Order, Guid, bool>> rule, Actor actor) =>
        Expression.Lambda<Func<Order, bool>>(
            Predicates.Substitute(rule.Body, rule.Parameters[1], Expression.Property(Expression.Constant(new ActorId(actor.Id)), nameof(ActorId.Value))),
            rule.Parameters[0]);

    /// <summary>Holds the actor's id so that a query reads it as a parameter, as it would a captured variable.</summary>
    private sealed record ActorId(Guid Value);

    /// <summary>
    /// What an export may hold: what the caller may see, except the pool (whose customers a courier may not see): a
    /// courier's export holds only its own deliveries.
    /// </summary>
    public static Expression<Func<Order, bool>> ForExport(Actor actor) =>
        Bind(OrderAudience.Reaching(actor.Type, audience => audience is not OrderAudience.CourierPool), actor);

    /// <summary>
    /// The visible orders whose customer and street the caller may see, for searching by customer name: the database
    /// side of <see cref="Order.ShowsOnlyDeliveryAreaTo"/>. Only the pool hides them, so without it every visible order qualifies.
    /// </summary>
    public static Expression<Func<Order, bool>> WithCustomer(Actor actor) =>
        InThePool(actor) ? ForExport(actor) : order => true;

    /// <summary>
    /// What a courier's claim may find: the orders it may see, plus an order another courier has just claimed from
    /// the pool, so that the courier who loses a race for one is told it was claimed first (409) rather than that it
    /// is gone. An order assigned to someone else by its merchant or an admin stays out of sight (404).
    /// </summary>
    public static Expression<Func<Order, bool>> ForClaim(Actor actor) =>
        InThePool(actor) ? For(actor).Or(Order.JustClaimed) : For(actor);

    private static bool InThePool(Actor actor) => OrderAudience.Of(actor).Any(audience => audience is OrderAudience.CourierPool);
}
