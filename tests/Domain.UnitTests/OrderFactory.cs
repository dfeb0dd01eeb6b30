using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Domain.UnitTests;

/// <summary>The cast of the lifecycle tests and a way to put an order into any status, assigned or not.</summary>
public static class OrderFactory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    public static readonly Actor Admin = new(ActorType.Admin, Guid.NewGuid(), "Admin");
    public static readonly Actor Merchant = new(ActorType.Merchant, Guid.NewGuid(), "Merchant");
    public static readonly Actor OtherMerchant = new(ActorType.Merchant, Guid.NewGuid(), "Other merchant");
    public static readonly Actor Courier = new(ActorType.Delivery, Guid.NewGuid(), "Courier");
    public static readonly Actor OtherCourier = new(ActorType.Delivery, Guid.NewGuid(), "Other courier");
    public static readonly Actor Partner = new(ActorType.Partner, Guid.NewGuid(), "Partner");
    public static readonly Actor OtherPartner = new(ActorType.Partner, Guid.NewGuid(), "Other partner");

    public static IReadOnlyList<Actor> Everyone { get; } = [Admin, Merchant, OtherMerchant, Courier, OtherCourier, Partner, OtherPartner];

    public static Order New(params OrderItem[] items) => Order.Create(
        Merchant.Id,
        new Customer("Jane", "+44 7700 900123", null),
        new DeliveryAddress("1 High St", null, "London", "SW1A 1AA", "UK"),
        items.Length == 0 ? [new OrderItem("Bread", 2, 3.50m)] : items,
        "GBP",
        null,
        null,
        Merchant,
        Now);

    public enum Assignee
    {
        None,
        Courier,
        Partner,
    }

    /// <summary>Every status with every assignee it can have: past ReadyForPickup (but not cancelled) an order is always in someone's hands.</summary>
    public static TheoryData<OrderStatus, Assignee> EveryOrder()
    {
        var data = new TheoryData<OrderStatus, Assignee>();
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            foreach (var assignee in Enum.GetValues<Assignee>().Where(a => a != Assignee.None || status <= OrderStatus.ReadyForPickup || status == OrderStatus.Cancelled))
            {
                data.Add(status, assignee);
            }
        }

        return data;
    }

    /// <summary>An order in <paramref name="status"/>, reached through legal moves, handled by <paramref name="assignee"/>.</summary>
    public static Order In(OrderStatus status, Assignee assignee = Assignee.Courier)
    {
        var order = New();
        var at = Now;
        DateTimeOffset Next() => at = at.AddMinutes(5);
        var delivery = assignee == Assignee.Partner ? Partner : Courier;

        if (assignee == Assignee.Courier)
        {
            order.AssignCourier(Courier.Id, Courier.DisplayName, Merchant, Next());
        }
        else if (assignee == Assignee.Partner)
        {
            order.AssignPartner(Partner.Id, Partner.DisplayName, Admin, Next());
        }

        var path = status switch
        {
            OrderStatus.Pending => [],
            OrderStatus.Cancelled => [OrderStatus.Cancelled],
            _ => new[] { OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup, OrderStatus.PickedUp, OrderStatus.InTransit }
                .Take(Math.Min((int)status, 5))
                .Concat(status switch
                {
                    OrderStatus.Delivered => [OrderStatus.Delivered],
                    OrderStatus.DeliveryFailed => [OrderStatus.DeliveryFailed],
                    OrderStatus.Returned => [OrderStatus.DeliveryFailed, OrderStatus.Returned],
                    _ => Array.Empty<OrderStatus>(),
                })
                .ToArray(),
        };

        foreach (var step in path)
        {
            var actor = step <= OrderStatus.ReadyForPickup || step == OrderStatus.Cancelled ? Merchant : delivery;
            order.ChangeStatus(step, new StatusChangeDetails(Reason: step switch
            {
                OrderStatus.Cancelled => "Out of stock",
                OrderStatus.DeliveryFailed => nameof(DeliveryFailureReason.AddressNotFound),
                _ => null,
            }), actor, Next());
        }

        Assert.Equal(status, order.Status);
        order.ClearDomainEvents();
        return order;
    }
}
