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
        var id = actor.Id;
        return actor.Type switch
        {
            ActorType.Admin => order => true,
            ActorType.Merchant => order => order.MerchantId == id,
            ActorType.Delivery => order => order.AssignedCourierId == id
                || (order.Status == OrderStatus.ReadyForPickup && order.AssignedCourierId == null && order.AssignedPartnerId == null),
            ActorType.Partner => order => order.AssignedPartnerId == id,
            _ => order => false,
        };
    }

    /// <summary>
    /// What a courier's claim may find: the orders it may see, plus any order still ready for pickup, so that
    /// the courier who loses a race for one is told it was claimed first (409) rather than that it is gone.
    /// </summary>
    public static Expression<Func<Order, bool>> ForClaim(Actor actor)
    {
        var id = actor.Id;
        return actor.Type == ActorType.Delivery
            ? order => order.Status == OrderStatus.ReadyForPickup || order.AssignedCourierId == id
            : For(actor);
    }
}
