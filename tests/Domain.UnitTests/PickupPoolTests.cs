using OrderTracking.Domain.Orders;
using static OrderTracking.Domain.UnitTests.OrderFactory;

namespace OrderTracking.Domain.UnitTests;

/// <summary>The pickup pool is one rule: the same in memory and as the expression the database runs, and what a courier may see of it.</summary>
public sealed class PickupPoolTests
{
    public static TheoryData<OrderStatus, Assignee> Cases()
    {
        var cases = new TheoryData<OrderStatus, Assignee>();
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            foreach (var assignee in Enum.GetValues<Assignee>())
            {
                // Nobody can pick up an order that nobody is in charge of.
                var reachable = assignee != Assignee.None || status <= OrderStatus.ReadyForPickup || status == OrderStatus.Cancelled;
                if (reachable)
                {
                    cases.Add(status, assignee);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_order_is_in_the_pool_exactly_when_ready_for_pickup_and_unassigned_in_memory_and_in_the_query_expression(OrderStatus status, Assignee assignee)
    {
        var order = In(status, assignee);
        var expected = status == OrderStatus.ReadyForPickup && assignee == Assignee.None;
        Assert.Equal(expected, order.IsInPickupPool);
        Assert.Equal(expected, Order.InPickupPool.Compile()(order));
    }

    [Fact]
    public void A_courier_sees_only_the_delivery_area_of_an_order_it_has_not_claimed()
    {
        var pool = In(OrderStatus.ReadyForPickup, Assignee.None);
        var mine = In(OrderStatus.ReadyForPickup, Assignee.Courier);

        Assert.True(pool.ShowsOnlyDeliveryAreaTo(Courier));
        Assert.False(mine.ShowsOnlyDeliveryAreaTo(Courier));
        Assert.True(mine.ShowsOnlyDeliveryAreaTo(OtherCourier));
        Assert.All([Admin, Merchant, Partner], actor => Assert.False(pool.ShowsOnlyDeliveryAreaTo(actor)));

        pool.Claim(Courier, Now);
        Assert.False(pool.ShowsOnlyDeliveryAreaTo(Courier));
        Assert.False(pool.IsInPickupPool);
    }
}
