using Microsoft.AspNetCore.Mvc;
using OrderTracking.Application.Orders.Queries;
using OrderTracking.Domain.Orders;

namespace OrderTracking.WebApi.Contracts;

/// <summary>The order filters shared by the lists and the export; all optional, combined with AND.</summary>
public sealed class OrderFilterParameters
{
    /// <summary>Only these statuses (repeat the parameter for several).</summary>
    [FromQuery(Name = "status")]
    public OrderStatus[]? Statuses { get; init; }

    /// <summary>Only this merchant's orders.</summary>
    [FromQuery(Name = "merchantId")]
    public Guid? MerchantId { get; init; }

    /// <summary>Only orders assigned to this courier.</summary>
    [FromQuery(Name = "courierId")]
    public Guid? CourierId { get; init; }

    /// <summary>Only orders assigned to this delivery partner.</summary>
    [FromQuery(Name = "partnerId")]
    public Guid? PartnerId { get; init; }

    /// <summary>The start of a tracking code (4 or more of its characters, with or without OT-), or part of the city, the postal code or the customer's name (3 or more characters; a shorter term is refused with 400).</summary>
    [FromQuery(Name = "search")]
    public string? Search { get; init; }

    /// <summary>Created at or after this instant (ISO 8601).</summary>
    [FromQuery(Name = "createdFrom")]
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Created at or before this instant (ISO 8601).</summary>
    [FromQuery(Name = "createdTo")]
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary><c>unassigned</c>: only open orders (not delivered, returned or cancelled) with neither a courier nor a delivery partner.</summary>
    [FromQuery(Name = "assignment")]
    public OrderAssignmentFilter? Assignment { get; init; }

    /// <summary><c>true</c>: only open orders whose estimated delivery has passed (as <c>isOverdue</c>); <c>false</c>: only the others.</summary>
    [FromQuery(Name = "overdue")]
    public bool? Overdue { get; init; }

    public OrderFilter ToFilter() => new(Statuses, MerchantId, CourierId, PartnerId, Search, CreatedFrom, CreatedTo, Assignment, Overdue);
}
