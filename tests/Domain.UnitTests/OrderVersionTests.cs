using OrderTracking.Domain.Orders;
using static OrderTracking.Domain.UnitTests.OrderFactory;

namespace OrderTracking.Domain.UnitTests;

/// <summary>
/// The order's version is its timeline's length, kept by the aggregate: each step carries the version it made, so the
/// database can refuse a second change made from the same version (one entry per version of an order).
/// </summary>
public sealed class OrderVersionTests
{
    [Fact]
    public void A_new_order_is_at_version_1_and_its_creation_entry_carries_it()
    {
        var order = New();

        Assert.Equal(1u, order.Version);
        Assert.Equal(1u, Assert.Single(order.History).Version);
    }

    [Fact]
    public void Every_step_moves_the_version_on_by_one_and_carries_the_version_it_made()
    {
        var order = New();

        order.Confirm(Merchant, Now.AddMinutes(1));
        order.StartPreparing(Merchant, Now.AddMinutes(2));
        order.MarkReadyForPickup(Merchant, Now.AddMinutes(3));
        order.AssignCourier(Courier.Id, Courier.DisplayName, Merchant, Now.AddMinutes(4));

        Assert.Equal(5u, order.Version);
        Assert.Equal([1u, 2u, 3u, 4u, 5u], order.History.Select(h => h.Version));
    }

    [Fact]
    public void A_refused_change_leaves_the_version_alone()
    {
        var order = New();

        Assert.Throws<InvalidTransitionException>(() => order.MarkDelivered(null, Admin, Now.AddMinutes(1)));

        Assert.Equal(1u, order.Version);
    }
}
