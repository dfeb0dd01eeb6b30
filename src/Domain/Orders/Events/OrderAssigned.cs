using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders.Events;

/// <summary>The courier or partner in charge of delivering the order changed (assignment or claim).</summary>
public sealed record OrderAssigned(Guid OrderId, Guid? PreviousCourierId, Guid? PreviousPartnerId, Guid? CourierId, Guid? PartnerId, DateTimeOffset OccurredAt) : IDomainEvent;
