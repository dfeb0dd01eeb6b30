using OrderTracking.Domain.Orders;
using static OrderTracking.Domain.UnitTests.OrderFactory;

namespace OrderTracking.Domain.UnitTests;

public sealed class OverdueTests
{
    private static Order Due(DateTimeOffset? estimate) => Order.Create(
        Merchant.Id,
        new Customer("Jane", "+44 7700 900123", null),
        new DeliveryAddress("1 High St", null, "London", "SW1A 1AA", "UK"),
        [new OrderItem("Bread", 1, 1m)],
        "GBP",
        null,
        estimate,
        Merchant,
        Now);

    [Fact]
    public void An_open_order_is_overdue_once_its_estimated_delivery_has_passed()
    {
        var order = Due(Now.AddHours(2));

        Assert.False(order.IsOverdueAt(Now.AddHours(1)));
        Assert.False(order.IsOverdueAt(Now.AddHours(2)));
        Assert.True(order.IsOverdueAt(Now.AddHours(3)));
    }

    [Fact]
    public void A_closed_order_or_one_without_an_estimate_is_never_overdue()
    {
        var cancelled = Due(Now.AddHours(2));
        cancelled.Cancel("Customer changed their mind", Merchant, Now.AddMinutes(5));

        Assert.False(cancelled.IsOverdueAt(Now.AddDays(1)));
        Assert.False(Due(null).IsOverdueAt(Now.AddDays(1)));
    }
}
