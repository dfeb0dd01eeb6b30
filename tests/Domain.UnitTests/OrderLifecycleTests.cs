using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Orders.Events;
using static OrderTracking.Domain.UnitTests.OrderFactory;

namespace OrderTracking.Domain.UnitTests;

/// <summary>
/// Every (from, to, actor) combination against the lifecycle table of docs/product.md §2, written out here a second
/// time on purpose: the test is the specification, the Domain's table is the implementation.
/// </summary>
public sealed class OrderLifecycleTests
{
    private enum Side
    {
        Merchant,
        Delivery,
    }

    private static readonly Dictionary<(OrderStatus From, OrderStatus To), Side> Specification = new()
    {
        [(OrderStatus.Pending, OrderStatus.Confirmed)] = Side.Merchant,
        [(OrderStatus.Confirmed, OrderStatus.Preparing)] = Side.Merchant,
        [(OrderStatus.Preparing, OrderStatus.ReadyForPickup)] = Side.Merchant,
        [(OrderStatus.Pending, OrderStatus.Cancelled)] = Side.Merchant,
        [(OrderStatus.Confirmed, OrderStatus.Cancelled)] = Side.Merchant,
        [(OrderStatus.Preparing, OrderStatus.Cancelled)] = Side.Merchant,
        [(OrderStatus.ReadyForPickup, OrderStatus.Cancelled)] = Side.Merchant,
        [(OrderStatus.ReadyForPickup, OrderStatus.PickedUp)] = Side.Delivery,
        [(OrderStatus.PickedUp, OrderStatus.InTransit)] = Side.Delivery,
        [(OrderStatus.InTransit, OrderStatus.Delivered)] = Side.Delivery,
        [(OrderStatus.InTransit, OrderStatus.DeliveryFailed)] = Side.Delivery,
        [(OrderStatus.DeliveryFailed, OrderStatus.InTransit)] = Side.Delivery,
        [(OrderStatus.DeliveryFailed, OrderStatus.Returned)] = Side.Delivery,
    };

    public static TheoryData<OrderStatus, OrderStatus, int, Assignee> EveryCombination()
    {
        var data = new TheoryData<OrderStatus, OrderStatus, int, Assignee>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>())
            {
                for (var actor = 0; actor < Everyone.Count; actor++)
                {
                    data.Add(from, to, actor, Assignee.Courier);
                    data.Add(from, to, actor, Assignee.Partner);
                }
            }
        }

        return data;
    }

    private static bool MayAct(Side side, Actor actor, Assignee assignee) => side switch
    {
        Side.Merchant => actor == Admin || actor == Merchant,
        _ => actor == Admin || (actor == Courier && assignee == Assignee.Courier) || (actor == Partner && assignee == Assignee.Partner),
    };

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Each_combination_succeeds_only_for_the_actors_the_table_names(OrderStatus from, OrderStatus to, int actorIndex, Assignee assignee)
    {
        var actor = Everyone[actorIndex];
        var order = In(from, assignee);
        var historyBefore = order.History.Count;
        var details = new StatusChangeDetails(Note: "note", Reason: to == OrderStatus.DeliveryFailed ? "Damaged" : "reason");
        var act = () => order.ChangeStatus(to, details, actor, Now.AddDays(1));

        if (!Specification.TryGetValue((from, to), out var side))
        {
            var invalid = Assert.Throws<InvalidTransitionException>(act);
            Assert.Equal(from, invalid.Current);
            Assert.Equal(Specification.Keys.Where(k => k.From == from).Select(k => k.To).Order(), invalid.Allowed.Order());
        }
        else if (!MayAct(side, actor, assignee))
        {
            Assert.Throws<OrderActionForbiddenException>(act);
        }
        else
        {
            act();
            Assert.Equal(to, order.Status);
            Assert.Equal(historyBefore + 1, order.History.Count);
            var entry = order.History[^1];
            Assert.Equal((from, to, actor.Type, actor.Id, actor.DisplayName), ((OrderStatus)entry.From!, entry.To, entry.ActorType, entry.ActorId, entry.ActorName));
            Assert.Equal(Now.AddDays(1), entry.At);
            Assert.Equal(
                new OrderStatusChanged(order.Id, from, to, Now.AddDays(1))
                {
                    TrackingCode = order.TrackingCode,
                    MerchantId = order.MerchantId,
                    AssignedCourierId = order.AssignedCourierId,
                    AssignedPartnerId = order.AssignedPartnerId,
                    EstimatedDeliveryAt = order.EstimatedDeliveryAt,
                },
                Assert.Single(order.DomainEvents));
            return;
        }

        Assert.Equal(from, order.Status);
        Assert.Equal(historyBefore, order.History.Count);
        Assert.Empty(order.DomainEvents);
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Allowed_transitions_are_exactly_the_moves_the_actor_may_make_now(OrderStatus from, OrderStatus to, int actorIndex, Assignee assignee)
    {
        var actor = Everyone[actorIndex];
        var order = In(from, assignee);

        var expected = Specification.TryGetValue((from, to), out var side) && MayAct(side, actor, assignee);

        Assert.Equal(expected, order.AllowedTransitionsFor(actor).Contains(to));
    }

    [Theory]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.Returned)]
    [InlineData(OrderStatus.Cancelled)]
    public void Terminal_statuses_accept_nothing_from_anyone(OrderStatus terminal)
    {
        var order = In(terminal);

        Assert.True(order.IsTerminal);
        foreach (var actor in Everyone)
        {
            Assert.Empty(order.AllowedTransitionsFor(actor));
            foreach (var to in Enum.GetValues<OrderStatus>())
            {
                Assert.Throws<InvalidTransitionException>(() => order.ChangeStatus(to, new StatusChangeDetails(Reason: "x"), actor, Now));
            }
        }
    }

    [Fact]
    public void Picking_up_needs_an_assigned_courier_or_partner()
    {
        var order = In(OrderStatus.ReadyForPickup, Assignee.None);

        Assert.Throws<DomainRuleException>(() => order.MarkPickedUp(Admin, Now));
        Assert.DoesNotContain(OrderStatus.PickedUp, order.AllowedTransitionsFor(Admin));
        Assert.Equal(OrderStatus.ReadyForPickup, order.Status);
    }

    [Fact]
    public void Cancel_needs_a_reason_and_a_failure_for_Other_needs_a_note()
    {
        var pending = In(OrderStatus.Pending);
        var inTransit = In(OrderStatus.InTransit);

        Assert.Throws<DomainValidationException>(() => pending.Cancel(" ", Merchant, Now));
        Assert.Throws<DomainValidationException>(() => inTransit.MarkDeliveryFailed(DeliveryFailureReason.Other, Courier, Now));
        Assert.Throws<DomainValidationException>(() => inTransit.ChangeStatus(OrderStatus.DeliveryFailed, new StatusChangeDetails(Reason: "Lost"), Courier, Now));

        inTransit.MarkDeliveryFailed(DeliveryFailureReason.Other, Courier, Now, "Dog at the gate");
        Assert.Equal(("Other", "Dog at the gate"), (inTransit.History[^1].Reason, inTransit.History[^1].Note));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("other")]
    [InlineData(" Damaged")]
    [InlineData("Damaged,Other")]
    public void A_failure_reason_is_one_of_the_names_exactly(string? reason)
    {
        var inTransit = In(OrderStatus.InTransit);

        var refused = Assert.Throws<DomainValidationException>(() =>
            inTransit.ChangeStatus(OrderStatus.DeliveryFailed, new StatusChangeDetails("A note", reason), Courier, Now));
        Assert.Equal(("Reason", Order.FailureReasonRequired), (refused.PropertyName, refused.Message));
        Assert.Equal(OrderStatus.InTransit, inTransit.Status);
    }

    [Fact]
    public void Delivery_records_the_recipient_as_proof_and_when_it_happened()
    {
        var order = In(OrderStatus.InTransit);

        order.MarkDelivered("Sam", Courier, Now.AddHours(3), "At the door");

        Assert.Equal(Now.AddHours(3), order.DeliveredAt);
        Assert.Equal("Received by Sam. At the door", order.History[^1].Note);
    }

    [Fact]
    public void A_new_order_is_pending_with_one_history_entry_and_an_event()
    {
        var order = New();

        Assert.Equal(OrderStatus.Pending, order.Status);
        var entry = Assert.Single(order.History);
        Assert.Null(entry.From);
        Assert.Equal((OrderStatus.Pending, Merchant.Id), (entry.To, entry.ActorId));
        Assert.IsType<OrderCreated>(Assert.Single(order.DomainEvents));
    }

    [Fact]
    public void The_total_is_the_sum_of_quantity_times_unit_price()
    {
        var order = New(new OrderItem("A", 3, 1.10m), new OrderItem("B", 10_000, 0.01m), new OrderItem("Free", 1, 0m));

        Assert.Equal(103.30m, order.Total);
    }

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("A", 0, 1)]
    [InlineData("A", 10_001, 1)]
    [InlineData("A", 1, -0.01)]
    [InlineData("A", 1, 0.001)]
    public void Items_refuse_bad_values(string name, int quantity, double unitPrice) =>
        Assert.Throws<DomainValidationException>(() => new OrderItem(name, quantity, (decimal)unitPrice));

    [Fact]
    public void An_order_needs_1_to_100_items_and_an_ISO_currency()
    {
        var items = Enumerable.Range(0, 101).Select(i => new OrderItem($"I{i}", 1, 1m)).ToList();
        var customer = new Customer("A", "+1 555 0100", null);
        var address = new DeliveryAddress("1", null, "C", "P", "X");

        Assert.Throws<DomainValidationException>(() => Order.Create(Merchant.Id, customer, address, [], "EUR", null, null, Merchant, Now));
        Assert.Throws<DomainValidationException>(() => Order.Create(Merchant.Id, customer, address, items, "EUR", null, null, Merchant, Now));
        Assert.Throws<DomainValidationException>(() => Order.Create(Merchant.Id, customer, address, items[..1], "eur", null, null, Merchant, Now));
        Assert.Throws<DomainValidationException>(() => Order.Create(Merchant.Id, customer, address, items[..1], "XYZ", null, null, Merchant, Now));
        Assert.Equal(100, Order.Create(Merchant.Id, customer, address, items[..100], "EUR", null, null, Merchant, Now).Items.Count);
    }
}
