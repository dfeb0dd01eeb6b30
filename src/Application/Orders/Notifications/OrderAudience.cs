using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Orders.Notifications;

/// <summary>One set of people who are told about a change: the live-update counterpart of <see cref="OrderVisibility"/>.</summary>
public abstract record OrderAudience
{
    public sealed record Admins : OrderAudience;

    public sealed record Merchant(Guid MerchantId) : OrderAudience;

    public sealed record Courier(Guid CourierId) : OrderAudience;

    /// <summary>Every courier: the pool of unassigned orders ready for pickup.</summary>
    public sealed record CourierPool : OrderAudience;

    /// <summary>Anonymous followers of one tracking code; they get the public view only, when the status moves.</summary>
    public sealed record Tracking(string TrackingCode) : OrderAudience;

    /// <summary>
    /// The audiences an actor belongs to: what a live connection joins, so that it hears of exactly the orders
    /// <see cref="OrderVisibility"/> shows it. A partner holds no live connection (it is told by webhooks), so it
    /// belongs to none.
    /// </summary>
    public static IReadOnlyList<OrderAudience> Of(Actor actor) => actor.Type switch
    {
        ActorType.Admin => [new Admins()],
        ActorType.Merchant => [new Merchant(actor.Id)],
        ActorType.Delivery => [new Courier(actor.Id), new CourierPool()],
        _ => [],
    };

    /// <summary>
    /// Everyone who could see the order before the change or can see it now, so an order that moves (assigned,
    /// claimed, taken out of the pickup pool) disappears from the old lists as well as appearing in the new ones.
    /// </summary>
    public static IReadOnlyList<OrderAudience> For(OrderChange change)
    {
        var audiences = new List<OrderAudience> { new Admins(), new Merchant(change.MerchantId) };
        foreach (var courier in new[] { change.AssignedCourierId, change.PreviousCourierId }.OfType<Guid>().Distinct())
        {
            audiences.Add(new Courier(courier));
        }

        var inPoolNow = PickupPool.Holds(change.Status, change.AssignedCourierId, change.AssignedPartnerId);
        var inPoolBefore = change.PreviousStatus is { } previous && PickupPool.Holds(previous, change.PreviousCourierId, change.PreviousPartnerId);
        if (inPoolNow || inPoolBefore)
        {
            audiences.Add(new CourierPool());
        }

        if (change.StatusChanged)
        {
            audiences.Add(new Tracking(change.TrackingCode));
        }

        return audiences;
    }
}
