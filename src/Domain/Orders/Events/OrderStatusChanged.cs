using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders.Events;

public sealed record OrderStatusChanged(Guid OrderId, OrderStatus From, OrderStatus To, DateTimeOffset OccurredAt) : IDomainEvent;
