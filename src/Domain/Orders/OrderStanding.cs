namespace OrderTracking.Domain.Orders;

/// <summary>
/// What decides who sees an order: its merchant, its status and who is in charge of it. Named as on
/// <see cref="Order"/>, so that a rule over a standing reads the order's own columns in a query.
/// </summary>
public sealed record OrderStanding(Guid MerchantId, OrderStatus Status, Guid? AssignedCourierId, Guid? AssignedPartnerId);
