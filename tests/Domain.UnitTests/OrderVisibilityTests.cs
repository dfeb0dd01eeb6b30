using OrderTracking.Domain.Orders;
using static OrderTracking.Domain.UnitTests.OrderFactory;

namespace OrderTracking.Domain.UnitTests;

public sealed class OrderVisibilityTests
{
    private static bool Sees(OrderTracking.Domain.Common.Actor actor, Order order) => OrderVisibility.For(actor).Compile()(order);

    [Fact]
    public void Each_actor_sees_exactly_its_own_orders_and_couriers_also_the_unassigned_pickup_pool()
    {
        var pending = In(OrderStatus.Pending, Assignee.None);
        var pool = In(OrderStatus.ReadyForPickup, Assignee.None);
        var courierOwn = In(OrderStatus.InTransit, Assignee.Courier);
        var partnerOwn = In(OrderStatus.InTransit, Assignee.Partner);
        Order[] all = [pending, pool, courierOwn, partnerOwn];

        Assert.All(all, o => Assert.True(Sees(Admin, o)));
        Assert.All(all, o => Assert.True(Sees(Merchant, o)));
        Assert.All(all, o => Assert.False(Sees(OtherMerchant, o)));
        Assert.Equal([pool, courierOwn], all.Where(o => Sees(Courier, o)));
        Assert.Equal([pool], all.Where(o => Sees(OtherCourier, o)));
        Assert.Equal([partnerOwn], all.Where(o => Sees(Partner, o)));
        Assert.DoesNotContain(all, o => Sees(OtherPartner, o));
    }
}
