namespace OrderTracking.Domain.Orders;

/// <summary>A legal change asked for by someone who may see the order but may not make that change (HTTP 403).</summary>
public sealed class OrderActionForbiddenException(string message) : Exception(message);
