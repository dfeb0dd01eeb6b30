using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Orders.Notifications;

/// <summary>
/// Who hears of a change live: the audiences of <see cref="OrderAudience"/>, where who sees an order is stated, except
/// a partner's, which holds no live connection (its webhooks tell it).
/// </summary>
public static class LiveAudiences
{
    /// <summary>What a live connection of <paramref name="actor"/> joins, so that it hears of exactly the orders it sees.</summary>
    public static IReadOnlyList<OrderAudience> Of(Actor actor) => Live(OrderAudience.Of(actor));

    /// <summary>
    /// Everyone who could see the order before the change or can see it now, so an order that moves (assigned,
    /// claimed, taken out of the pickup pool) disappears from the old lists as well as appearing in the new ones.
    /// </summary>
    public static IReadOnlyList<OrderAudience> For(OrderChange change) =>
        Live(OrderAudience.Of(change.Now).Concat(change.Before is { } before ? OrderAudience.Of(before) : []).Distinct());

    private static List<OrderAudience> Live(IEnumerable<OrderAudience> audiences) =>
        audiences.Where(audience => audience is not OrderAudience.Partner).ToList();
}
