using OrderTracking.Application.Orders.Queries;
using OrderTracking.Domain.Orders;

namespace OrderTracking.WebApi.Contracts;

/// <summary>The order filters shared by the lists and the export; all optional, combined with AND.</summary>
public sealed class OrderFilterParameters
{
    /// <summary>Only these statuses (repeat the parameter for several).</summary>
    public OrderStatus[]? Status { get; init; }

    /// <summary>Only this merchant's orders.</summary>
    public Guid? MerchantId { get; init; }

    /// <summary>Only orders assigned to this courier.</summary>
    public Guid? CourierId { get; init; }

    /// <summary>Only orders assigned to this delivery partner.</summary>
    public Guid? PartnerId { get; init; }

    /// <summary>A tracking code, or part of the customer's name.</summary>
    public string? Search { get; init; }

    /// <summary>Created at or after this instant (ISO 8601).</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Created at or before this instant (ISO 8601).</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    public OrderFilter ToFilter() => new(Status, MerchantId, CourierId, PartnerId, Search, CreatedFrom, CreatedTo);
}
