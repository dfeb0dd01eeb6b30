namespace OrderTracking.Application.Orders.Queries;

/// <summary>Which orders by who is in charge of them.</summary>
public enum OrderAssignmentFilter
{
    /// <summary>Open orders with neither a courier nor a delivery partner assigned: what a dispatcher has to act on.</summary>
    Unassigned,
}
