using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders.Events;

/// <summary>The order moved from <see cref="From"/> to <see cref="To"/> through the lifecycle table.</summary>
/// <remarks>Carries who can see the order and its public facts, so its after-commit handlers need not read the order again.</remarks>
public sealed record OrderStatusChanged(Guid OrderId, OrderStatus From, OrderStatus To, DateTimeOffset OccurredAt) : IDomainEvent
{
    public required string TrackingCode { get; init; }
    public required Guid MerchantId { get; init; }
    public Guid? AssignedCourierId { get; init; }
    public Guid? AssignedPartnerId { get; init; }
    public DateTimeOffset? EstimatedDeliveryAt { get; init; }
}
