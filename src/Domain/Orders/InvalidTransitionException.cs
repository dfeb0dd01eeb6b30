using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders;

/// <summary>A move the lifecycle table does not have from the order's current status (HTTP 409).</summary>
public sealed class InvalidTransitionException(OrderStatus current, OrderStatus requested, IReadOnlyList<OrderStatus> allowed)
    : DomainRuleException(
        $"An order that is {current} cannot move to {requested}. From {current} it may move to: " +
        (allowed.Count == 0 ? "nothing (it is final)" : string.Join(", ", allowed)) + ".")
{
    public OrderStatus Current { get; } = current;
    public OrderStatus Requested { get; } = requested;
    public IReadOnlyList<OrderStatus> Allowed { get; } = allowed;
}
