using OrderTracking.Domain.Orders;
using static OrderTracking.Domain.UnitTests.OrderFactory;

namespace OrderTracking.Domain.UnitTests;

public sealed class TimeInStatusTests
{
    [Fact]
    public void A_new_order_has_left_no_status_and_entered_pending_when_it_was_created()
    {
        var order = New();

        Assert.Equal(TimeInStatus.None, order.TimeInStatus);
        Assert.Equal(Now, order.StatusChangedAt);
        Assert.All(Enum.GetValues<OrderStatus>(), status => Assert.Null(order.TimeInStatus.Of(status)));
    }

    [Fact]
    public void Each_stay_runs_until_the_next_status_change_and_assignments_do_not_end_it()
    {
        var order = New();
        order.Confirm(Merchant, Now.AddMinutes(10));
        order.StartPreparing(Merchant, Now.AddMinutes(25));
        order.MarkReadyForPickup(Merchant, Now.AddMinutes(60));
        order.AssignCourier(Courier.Id, Courier.DisplayName, Merchant, Now.AddMinutes(70));
        order.MarkPickedUp(Courier, Now.AddMinutes(100));

        Assert.Equal(TimeSpan.FromMinutes(10), order.TimeInStatus.Pending);
        Assert.Equal(TimeSpan.FromMinutes(15), order.TimeInStatus.Confirmed);
        Assert.Equal(TimeSpan.FromMinutes(35), order.TimeInStatus.Preparing);
        Assert.Equal(TimeSpan.FromMinutes(40), order.TimeInStatus.ReadyForPickup);
        Assert.Null(order.TimeInStatus.PickedUp);
        Assert.Equal(Now.AddMinutes(100), order.StatusChangedAt);
    }

    [Fact]
    public void Repeated_stays_in_a_status_add_up()
    {
        var order = In(OrderStatus.PickedUp);
        var at = order.StatusChangedAt;
        order.MarkInTransit(Courier, at = at.AddMinutes(5));
        order.MarkDeliveryFailed(DeliveryFailureReason.RecipientUnavailable, Courier, at = at.AddMinutes(30));
        order.MarkInTransit(Courier, at = at.AddMinutes(120));
        order.MarkDelivered("Jane", Courier, at.AddMinutes(20));

        Assert.Equal(TimeSpan.FromMinutes(50), order.TimeInStatus.InTransit);
        Assert.Equal(TimeSpan.FromMinutes(120), order.TimeInStatus.DeliveryFailed);
        Assert.Null(order.TimeInStatus.Of(OrderStatus.Delivered));
    }

    [Theory]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.Returned)]
    [InlineData(OrderStatus.Cancelled)]
    public void A_terminal_status_is_never_left(OrderStatus terminal) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeInStatus.None.After(terminal, TimeSpan.FromMinutes(1)));
}
