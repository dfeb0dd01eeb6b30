using OrderTracking.Application.Orders.Notifications;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using static OrderTracking.Domain.UnitTests.OrderFactory;

namespace OrderTracking.Application.UnitTests;

/// <summary>
/// "Who sees an order" is the query filter (<see cref="OrderVisibility"/>); the live audience of a change and the
/// audiences a connection joins (<see cref="OrderAudience"/>, named as hub groups by the WebApi) must tell the same
/// people, for every kind of actor and every order.
/// </summary>
public sealed class OrderAudienceTests
{
    public static TheoryData<OrderStatus, Assignee> EveryOrder()
    {
        var data = new TheoryData<OrderStatus, Assignee>();
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            // Past ReadyForPickup (but not cancelled) an order is always in someone's hands.
            foreach (var assignee in Enum.GetValues<Assignee>().Where(a => a != Assignee.None || status <= OrderStatus.ReadyForPickup || status == OrderStatus.Cancelled))
            {
                data.Add(status, assignee);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryOrder))]
    public void An_actor_hears_of_exactly_the_orders_it_sees(OrderStatus status, Assignee assignee)
    {
        var order = In(status, assignee);
        var told = OrderAudience.For(new OrderChange(order.Id, order.TrackingCode, order.MerchantId, order.Status, order.Status,
            order.AssignedCourierId, order.AssignedPartnerId, order.AssignedCourierId, order.AssignedPartnerId, Now));

        foreach (var actor in Everyone.Where(a => a.Type != ActorType.Partner))
        {
            var sees = OrderVisibility.For(actor).Compile()(order);
            var hears = OrderAudience.Of(actor).Any(told.Contains);
            Assert.True(sees == hears, $"{actor.DisplayName} sees the {status} order ({assignee}): {sees}; hears of it: {hears}.");
        }
    }

    [Fact]
    public void Every_kind_of_actor_but_a_partner_belongs_to_an_audience()
    {
        foreach (var kind in Enum.GetValues<ActorType>())
        {
            var audiences = OrderAudience.Of(new Actor(kind, Guid.NewGuid(), kind.ToString()));

            // A partner has no live connection; it is told of changes by its webhooks.
            Assert.Equal(kind != ActorType.Partner, audiences.Count > 0);
        }
    }
}
