namespace OrderTracking.Domain.Orders;

/// <summary>
/// The order lifecycle: every legal status change and who may make it. This table is the only place
/// the rule lives; <see cref="Order"/> enforces it and callers read it through
/// <see cref="Order.AllowedTransitionsFor"/>.
/// </summary>
public static class OrderLifecycle
{
    private const OrderParty MerchantSide = OrderParty.OwningMerchant | OrderParty.Admin;
    private const OrderParty DeliverySide = OrderParty.AssignedCourier | OrderParty.AssignedPartner | OrderParty.Admin;

    public static IReadOnlyList<OrderTransition> Transitions { get; } =
    [
        new(OrderStatus.Pending, OrderStatus.Confirmed, MerchantSide),
        new(OrderStatus.Confirmed, OrderStatus.Preparing, MerchantSide),
        new(OrderStatus.Preparing, OrderStatus.ReadyForPickup, MerchantSide),
        new(OrderStatus.Pending, OrderStatus.Cancelled, MerchantSide),
        new(OrderStatus.Confirmed, OrderStatus.Cancelled, MerchantSide),
        new(OrderStatus.Preparing, OrderStatus.Cancelled, MerchantSide),
        new(OrderStatus.ReadyForPickup, OrderStatus.Cancelled, MerchantSide),
        new(OrderStatus.ReadyForPickup, OrderStatus.PickedUp, DeliverySide),
        new(OrderStatus.PickedUp, OrderStatus.InTransit, DeliverySide),
        new(OrderStatus.InTransit, OrderStatus.Delivered, DeliverySide),
        new(OrderStatus.InTransit, OrderStatus.DeliveryFailed, DeliverySide),
        new(OrderStatus.DeliveryFailed, OrderStatus.InTransit, DeliverySide),
        new(OrderStatus.DeliveryFailed, OrderStatus.Returned, DeliverySide),
    ];

    public static IReadOnlySet<OrderStatus> TerminalStatuses { get; } =
        new HashSet<OrderStatus> { OrderStatus.Delivered, OrderStatus.Returned, OrderStatus.Cancelled };

    /// <summary>Statuses in which the order has not left the merchant yet, so it may still be (re)assigned.</summary>
    public static IReadOnlySet<OrderStatus> AssignableStatuses { get; } =
        new HashSet<OrderStatus> { OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup };

    public static OrderTransition? Find(OrderStatus from, OrderStatus to) =>
        Transitions.FirstOrDefault(t => t.From == from && t.To == to);

    public static IReadOnlyList<OrderStatus> NextStatuses(OrderStatus from) =>
        Transitions.Where(t => t.From == from).Select(t => t.To).ToList();

    public static bool IsTerminal(OrderStatus status) => TerminalStatuses.Contains(status);
}
