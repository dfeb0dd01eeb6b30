namespace OrderTracking.Domain.Orders;

/// <summary>One row of the lifecycle table: a move from one status to another and who may make it.</summary>
public sealed record OrderTransition(OrderStatus From, OrderStatus To, OrderParty AllowedParties);
