using OrderTracking.Domain.Orders;
using static OrderTracking.Domain.UnitTests.OrderFactory;

namespace OrderTracking.Domain.UnitTests;

/// <summary>The dispatcher's filters are rules on the order, written as the expressions the database runs.</summary>
public sealed class DispatchRuleTests
{
    [Theory]
    [MemberData(nameof(PickupPoolTests.Cases), MemberType = typeof(PickupPoolTests))]
    public void An_order_is_unassigned_exactly_when_open_and_nobody_is_in_charge_of_it(OrderStatus status, Assignee assignee)
    {
        var order = In(status, assignee);

        Assert.Equal(!OrderLifecycle.IsTerminal(status) && assignee == Assignee.None, Order.Unassigned.Compile()(order));
    }

    [Fact]
    public void The_overdue_expression_agrees_with_the_order_open_or_closed_with_or_without_an_estimate()
    {
        static Order Due(DateTimeOffset? estimate) => Order.Create(
            Merchant.Id,
            new Customer("Jane", "+44 7700 900123", null),
            new DeliveryAddress("1 High St", null, "London", "SW1A 1AA", "UK"),
            [new OrderItem("Bread", 1, 1m)],
            "GBP",
            null,
            estimate,
            Merchant,
            Now);

        var open = Due(Now.AddHours(2));
        var cancelled = Due(Now.AddHours(2));
        cancelled.Cancel("Customer changed their mind", Merchant, Now.AddMinutes(5));
        var withoutEstimate = Due(null);

        foreach (var order in new[] { open, cancelled, withoutEstimate })
        {
            foreach (var at in new[] { Now, Now.AddHours(2), Now.AddHours(3) })
            {
                Assert.Equal(order.IsOverdueAt(at), Order.OverdueAt(at).Compile()(order));
            }
        }

        Assert.True(Order.OverdueAt(Now.AddHours(3)).Compile()(open));
    }
}
