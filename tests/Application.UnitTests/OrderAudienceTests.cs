using OrderTracking.Application.Orders.Notifications;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using static OrderTracking.Domain.UnitTests.OrderFactory;

namespace OrderTracking.Application.UnitTests;

/// <summary>
/// "Who sees an order" is stated once (<see cref="OrderAudience"/>); the query filter (<see cref="OrderVisibility"/>),
/// the live audience of a change and the audiences a connection joins (<see cref="LiveAudiences"/>, named as hub
/// groups by the WebApi) are read from it, and must tell the same people, for every kind of actor and every order.
/// </summary>
public sealed class OrderAudienceTests
{
    [Theory]
    [MemberData(nameof(EveryOrder), MemberType = typeof(OrderTracking.Domain.UnitTests.OrderFactory))]
    public void An_actor_hears_of_exactly_the_orders_it_sees(OrderStatus status, Assignee assignee)
    {
        var order = In(status, assignee);
        var told = LiveAudiences.For(new OrderChange(order.Id, order.TrackingCode, order.MerchantId, order.Status, order.Status,
            order.AssignedCourierId, order.AssignedPartnerId, order.AssignedCourierId, order.AssignedPartnerId, Now));

        foreach (var actor in Everyone)
        {
            var sees = OrderVisibility.For(actor).Compile()(order);
            var hears = LiveAudiences.Of(actor).Any(told.Contains);

            // A partner has no live connection; it is told of changes by its webhooks.
            var heardLive = sees && actor.Type != ActorType.Partner;
            Assert.True(heardLive == hears, $"{actor.DisplayName} sees the {status} order ({assignee}): {sees}; hears of it: {hears}.");
        }
    }

    [Fact]
    public void An_order_claimed_from_the_pool_is_told_to_the_pool_it_leaves_and_the_courier_it_joins()
    {
        var order = In(OrderStatus.ReadyForPickup, Assignee.None);
        var claim = new OrderChange(order.Id, order.TrackingCode, order.MerchantId, order.Status, order.Status,
            Courier.Id, null, null, null, Now);

        Assert.Equal(
            [new OrderAudience.Admins(), new OrderAudience.Merchant(Merchant.Id), new OrderAudience.Courier(Courier.Id), new OrderAudience.CourierPool()],
            LiveAudiences.For(claim));
    }

    [Fact]
    public void Every_kind_of_actor_but_a_partner_belongs_to_a_live_audience()
    {
        foreach (var kind in Enum.GetValues<ActorType>())
        {
            var actor = new Actor(kind, Guid.NewGuid(), kind.ToString());

            Assert.NotEmpty(OrderAudience.Of(actor));
            Assert.Equal(kind != ActorType.Partner, LiveAudiences.Of(actor).Count > 0);
        }
    }
}
