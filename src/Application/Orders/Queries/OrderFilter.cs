using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Orders.Queries;

/// <summary>
/// The filters shared by the order list, its count and the CSV export. Every one is optional; they combine with AND.
/// <see cref="Overdue"/> is judged at the injected clock's now: true keeps the open orders past their estimated
/// delivery, false the rest.
/// </summary>
public sealed record OrderFilter(
    IReadOnlyList<OrderStatus>? Statuses = null,
    Guid? MerchantId = null,
    Guid? CourierId = null,
    Guid? PartnerId = null,
    string? Search = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    OrderAssignmentFilter? Assignment = null,
    bool? Overdue = null)
{
    /// <summary>
    /// The shortest search term: the city, postal code and name arms match a part of the text through trigram indexes,
    /// and a term shorter than a trigram has none to look up, so it would read every order the caller may see. The
    /// start of a tracking code needs more anyway (<see cref="TrackingCode.MinSearchPrefixLength"/>).
    /// </summary>
    public const int MinSearchLength = 3;
}
