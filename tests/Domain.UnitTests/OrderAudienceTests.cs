using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using static OrderTracking.Domain.UnitTests.OrderFactory;

namespace OrderTracking.Domain.UnitTests;

/// <summary>
/// The query filter is read from the one rule of who sees an order: an actor sees an order exactly when the order is
/// shown to one of the actor's audiences, for every kind of actor, every status and every assignee.
/// </summary>
public sealed class OrderAudienceTests
{
    [Theory]
    [MemberData(nameof(EveryOrder), MemberType = typeof(OrderFactory))]
    public void An_actor_sees_an_order_exactly_when_it_is_shown_to_one_of_the_actors_audiences(OrderStatus status, Assignee assignee)
    {
        var order = In(status, assignee);
        var shownTo = OrderAudience.Of(new OrderStanding(order.MerchantId, order.Status, order.AssignedCourierId, order.AssignedPartnerId));

        foreach (var actor in Everyone)
        {
            var audiences = OrderAudience.Of(actor);
            Assert.Equal(audiences.Any(shownTo.Contains), OrderVisibility.For(actor).Compile()(order));
            Assert.Equal(audiences.Any(a => a is not OrderAudience.CourierPool && shownTo.Contains(a)), OrderVisibility.ForExport(actor).Compile()(order));
        }
    }

    [Fact]
    public void A_kind_of_actor_without_an_audience_sees_nothing()
    {
        var none = OrderAudience.Reaching(ActorType.Admin, audience => false).Compile();

        Assert.False(none(In(OrderStatus.Pending, Assignee.None), Admin.Id));
    }
}
