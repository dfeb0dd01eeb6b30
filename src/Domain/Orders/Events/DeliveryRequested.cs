using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders.Events;

/// <summary>The customer left instructions or chose another day after a failed attempt; the order's status is unchanged.</summary>
/// <remarks>Carries who can see the order, so its after-commit handlers tell them without reading the order again.</remarks>
public sealed record DeliveryRequested(Guid OrderId, DateTimeOffset OccurredAt) : IDomainEvent
{
    public required string TrackingCode { get; init; }
    public required Guid MerchantId { get; init; }
    public required OrderStatus Status { get; init; }
    public Guid? AssignedCourierId { get; init; }
    public Guid? AssignedPartnerId { get; init; }
}
