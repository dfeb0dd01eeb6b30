using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Orders.Queries;

/// <summary>The filters shared by the order list and the CSV export. Every one is optional; they combine with AND.</summary>
public sealed record OrderFilter(
    IReadOnlyList<OrderStatus>? Statuses = null,
    Guid? MerchantId = null,
    Guid? CourierId = null,
    Guid? PartnerId = null,
    string? Search = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null);
