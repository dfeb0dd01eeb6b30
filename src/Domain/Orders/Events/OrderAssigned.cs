using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders.Events;

/// <summary>The courier or partner in charge of delivering the order changed (assignment or claim).</summary>
/// <remarks>Carries who could see the order before and who can now, so its after-commit handlers need not read the order again.</remarks>
public sealed record OrderAssigned(Guid OrderId, Guid? PreviousCourierId, Guid? PreviousPartnerId, Guid? CourierId, Guid? PartnerId, DateTimeOffset OccurredAt) : IDomainEvent
{
    public required string TrackingCode { get; init; }
    public required Guid MerchantId { get; init; }
    public required OrderStatus Status { get; init; }
}
