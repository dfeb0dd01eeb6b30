using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Orders.Events;
using static OrderTracking.Domain.UnitTests.OrderFactory;

namespace OrderTracking.Domain.UnitTests;

public sealed class AssignmentTests
{
    [Theory]
    [InlineData(OrderStatus.Pending)]
    [InlineData(OrderStatus.Confirmed)]
    [InlineData(OrderStatus.Preparing)]
    [InlineData(OrderStatus.ReadyForPickup)]
    public void The_owning_merchant_or_an_admin_may_assign_before_pickup(OrderStatus status)
    {
        var order = In(status, Assignee.None);

        order.AssignCourier(Courier.Id, "Carl", Merchant, Now);
        Assert.Equal((Courier.Id, (Guid?)null), (order.AssignedCourierId, order.AssignedPartnerId));

        order.AssignPartner(Partner.Id, "Fast Co", Admin, Now);
        Assert.Equal(((Guid?)null, Partner.Id), (order.AssignedCourierId, order.AssignedPartnerId));

        Assert.Equal([status, status], order.History.TakeLast(2).Select(h => h.To));
        Assert.Equal("Assigned to partner Fast Co", order.History[^1].Note);
        Assert.Equal(2, order.DomainEvents.OfType<OrderAssigned>().Count());
    }

    [Theory]
    [InlineData(OrderStatus.PickedUp)]
    [InlineData(OrderStatus.InTransit)]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.DeliveryFailed)]
    [InlineData(OrderStatus.Returned)]
    [InlineData(OrderStatus.Cancelled)]
    public void Nobody_may_assign_once_the_order_left_the_merchant_or_ended(OrderStatus status)
    {
        var order = In(status);

        Assert.Throws<DomainRuleException>(() => order.AssignCourier(OtherCourier.Id, "Other", Admin, Now));
    }

    [Fact]
    public void Only_the_owning_merchant_or_an_admin_may_assign()
    {
        var order = In(OrderStatus.Pending, Assignee.None);

        foreach (var actor in new[] { OtherMerchant, Courier, Partner })
        {
            Assert.Throws<OrderActionForbiddenException>(() => order.AssignCourier(Courier.Id, "Carl", actor, Now));
        }

        Assert.Null(order.AssignedCourierId);
    }

    [Fact]
    public void A_courier_claims_an_unassigned_order_ready_for_pickup_and_nothing_else()
    {
        var ready = In(OrderStatus.ReadyForPickup, Assignee.None);
        var preparing = In(OrderStatus.Preparing, Assignee.None);
        var taken = In(OrderStatus.ReadyForPickup, Assignee.Partner);

        Assert.Throws<OrderActionForbiddenException>(() => ready.Claim(Merchant, Now));
        Assert.Throws<DomainRuleException>(() => preparing.Claim(Courier, Now));
        Assert.Throws<DomainRuleException>(() => taken.Claim(Courier, Now));

        ready.Claim(Courier, Now);
        Assert.Equal(Courier.Id, ready.AssignedCourierId);
        Assert.Equal("Claimed by courier Courier", ready.History[^1].Note);
        Assert.Throws<DomainRuleException>(() => ready.Claim(OtherCourier, Now));
        Assert.Contains(OrderStatus.PickedUp, ready.AllowedTransitionsFor(Courier));
    }
}
