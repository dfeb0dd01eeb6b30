using System.Linq.Expressions;
using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders;

/// <summary>
/// One set of people an order is shown to. "Who sees an order" is stated once, in <see cref="Rule"/>: the query filter
/// (<see cref="OrderVisibility"/>) keeps the orders shown to one of the actor's audiences, the live updates tell the
/// audiences of an order before and after a change, and a live connection joins the audiences of its actor.
/// </summary>
public abstract record OrderAudience
{
    public sealed record Admins : OrderAudience;

    public sealed record Merchant(Guid MerchantId) : OrderAudience;

    public sealed record Courier(Guid CourierId) : OrderAudience;

    /// <summary>Every courier: the pool of unassigned orders ready for pickup.</summary>
    public sealed record CourierPool : OrderAudience;

    /// <summary>A delivery partner's system. It holds no live connection; its webhooks tell it of changes.</summary>
    public sealed record Partner(Guid PartnerId) : OrderAudience;

    /// <summary>Who sees an order: each audience, the kind of actor that belongs to it, and the orders shown to it.</summary>
    private static readonly Reach[] Rule =
    [
        new Reach.When(ActorType.Admin, order => true, new Admins()),
        new Reach.ById(ActorType.Merchant, order => order.MerchantId, id => new Merchant(id)),
        new Reach.ById(ActorType.Delivery, order => order.AssignedCourierId, id => new Courier(id)),
        new Reach.When(ActorType.Delivery, PickupPool.Over<OrderStanding>(o => o.Status, o => o.AssignedCourierId, o => o.AssignedPartnerId), new CourierPool()),
        new Reach.ById(ActorType.Partner, order => order.AssignedPartnerId, id => new Partner(id)),
    ];

    /// <summary>The audiences <paramref name="actor"/> belongs to.</summary>
    public static IReadOnlyList<OrderAudience> Of(Actor actor) =>
        Rule.Where(reach => reach.Members == actor.Type).Select(reach => reach.Joined(actor.Id)).ToList();

    /// <summary>The audiences an order in <paramref name="standing"/> is shown to.</summary>
    public static IReadOnlyList<OrderAudience> Of(OrderStanding standing) =>
        Rule.Select(reach => reach.Of(standing)).OfType<OrderAudience>().ToList();

    /// <summary>
    /// Whether an order is shown to one of the audiences an actor of kind <paramref name="kind"/> belongs to, with the
    /// actor's id as the second parameter; <paramref name="among"/> narrows the audiences it counts. What
    /// <see cref="Of(Actor)"/> and <see cref="Of(OrderStanding)"/> share, written for the database.
    /// </summary>
    public static Expression<Func<Order, Guid, bool>> Reaching(ActorType kind, Func<OrderAudience, bool>? among = null)
    {
        var order = Expression.Parameter(typeof(Order), "order");
        var actorId = Expression.Parameter(typeof(Guid), "actorId");
        var arms = Rule
            // Which audience a row is does not depend on the id, so any id tells whether it counts.
            .Where(reach => reach.Members == kind && (among is null || among(reach.Joined(Guid.Empty))))
            .Select(reach => reach.Reaching(order, actorId))
            .ToList();
        var body = arms.Count == 0 ? Expression.Constant(false) : arms.Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Order, Guid, bool>>(body, order, actorId);
    }

    /// <summary>One row of <see cref="Rule"/>: an audience, who belongs to it, which orders it is shown.</summary>
    private abstract record Reach(ActorType Members)
    {
        /// <summary>The audience an actor of <see cref="Members"/> with this id joins.</summary>
        public abstract OrderAudience Joined(Guid actorId);

        /// <summary>The audience of this row an order in this standing is shown to, if any.</summary>
        public abstract OrderAudience? Of(OrderStanding standing);

        /// <summary>Whether <paramref name="order"/> is shown to the audience of this row that <paramref name="actorId"/> joins.</summary>
        public abstract Expression Reaching(ParameterExpression order, ParameterExpression actorId);

        /// <summary>One audience, of the orders that meet a condition.</summary>
        public sealed record When(ActorType Members, Expression<Func<OrderStanding, bool>> Condition, OrderAudience Audience) : Reach(Members)
        {
            private readonly Func<OrderStanding, bool> _holds = Condition.Compile();

            public override OrderAudience Joined(Guid actorId) => Audience;

            public override OrderAudience? Of(OrderStanding standing) => _holds(standing) ? Audience : null;

            public override Expression Reaching(ParameterExpression order, ParameterExpression actorId) => OnOrder(Condition, order);
        }

        /// <summary>One audience per id: of the orders whose <paramref name="Key"/> is that id.</summary>
        public sealed record ById(ActorType Members, Expression<Func<OrderStanding, Guid?>> Key, Func<Guid, OrderAudience> Audience) : Reach(Members)
        {
            private readonly Func<OrderStanding, Guid?> _key = Key.Compile();

            public override OrderAudience Joined(Guid actorId) => Audience(actorId);

            public override OrderAudience? Of(OrderStanding standing) => _key(standing) is { } id ? Audience(id) : null;

            // A key that is never null (the merchant) is compared as it is, not lifted: the query reads the bare column.
            public override Expression Reaching(ParameterExpression order, ParameterExpression actorId) => OnOrder(Key, order) switch
            {
                UnaryExpression { NodeType: ExpressionType.Convert, Operand: { } bare } when bare.Type == typeof(Guid) => Expression.Equal(bare, actorId),
                var key => Expression.Equal(key, Expression.Convert(actorId, typeof(Guid?))),
            };
        }

        /// <summary>A rule over a standing, reading the same-named members of <paramref name="order"/> instead.</summary>
        private static Expression OnOrder(LambdaExpression rule, ParameterExpression order) =>
            new StandingOnOrder(rule.Parameters[0], order).Visit(rule.Body);
    }

    private sealed class StandingOnOrder(ParameterExpression standing, ParameterExpression order) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == standing ? Expression.Property(order, node.Member.Name) : base.VisitMember(node);

        protected override Expression VisitParameter(ParameterExpression node) =>
            node == standing ? throw new InvalidOperationException("A rule of who sees an order reads the standing's members only.") : node;
    }
}
