using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders.Events;

public sealed record OrderCreated(Guid OrderId, Guid MerchantId, DateTimeOffset OccurredAt) : IDomainEvent;
