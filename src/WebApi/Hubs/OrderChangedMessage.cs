using OrderTracking.Application.Orders.Notifications;
using OrderTracking.Domain.Orders;

namespace OrderTracking.WebApi.Hubs;

/// <summary>
/// The <c>orderChanged</c> payload: which order changed and where it stands now, nothing personal. Clients
/// refetch the order (or their list) for details and for the moves they may make. <see cref="UpdatedAt"/> is the
/// order's <c>updatedAt</c> after this change, so a client already holding that state need not refetch it.
/// </summary>
public sealed record OrderChangedMessage(
    Guid OrderId,
    string TrackingCode,
    Guid MerchantId,
    OrderStatus Status,
    OrderStatus? PreviousStatus,
    Guid? AssignedCourierId,
    Guid? AssignedPartnerId,
    DateTimeOffset UpdatedAt)
{
    public static OrderChangedMessage From(OrderChange change) => new(
        change.OrderId, change.TrackingCode, change.MerchantId, change.Status, change.PreviousStatus,
        change.AssignedCourierId, change.AssignedPartnerId, change.UpdatedAt);
}
