using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders.Events;

/// <summary>A merchant's order came into being, <see cref="OrderStatus.Pending"/>.</summary>
/// <remarks>Carries what its after-commit handlers need to announce it, so none has to read the order again.</remarks>
public sealed record OrderCreated(Guid OrderId, Guid MerchantId, DateTimeOffset OccurredAt) : IDomainEvent
{
    public required string TrackingCode { get; init; }
    public DateTimeOffset? EstimatedDeliveryAt { get; init; }
}
