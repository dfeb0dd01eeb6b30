using OrderTracking.Application.Orders.Notifications;
using OrderTracking.Domain.Orders;

namespace OrderTracking.WebApi.Hubs;

/// <summary>
/// The <c>orderChanged</c> payload: which order changed and where it stands now, nothing personal. Clients
/// refetch the order (or their list) for details and for the moves they may make.
/// </summary>
public sealed record OrderChangedMessage(
    Guid OrderId,
    string TrackingCode,
    Guid MerchantId,
    OrderStatus Status,
    OrderStatus? PreviousStatus,
    Guid? AssignedCourierId,
    Guid? AssignedPartnerId,
    DateTimeOffset UpdatedAt,
    uint Version)
{
    public static OrderChangedMessage From(OrderChange change) => new(
        change.OrderId, change.TrackingCode, change.MerchantId, change.Status, change.PreviousStatus,
        change.AssignedCourierId, change.AssignedPartnerId, change.UpdatedAt, change.Version);
}
