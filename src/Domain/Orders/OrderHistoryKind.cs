namespace OrderTracking.Domain.Orders;

/// <summary>What a history entry records. Only <see cref="StatusChange"/> entries move the order along its lifecycle.</summary>
public enum OrderHistoryKind
{
    /// <summary>The order was created or moved to another status.</summary>
    StatusChange,

    /// <summary>The owning merchant or an admin put a courier or a delivery partner in charge; the status stays.</summary>
    Assignment,

    /// <summary>A courier took the order from the pickup pool; the status stays.</summary>
    Claim,
}
