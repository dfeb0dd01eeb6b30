using OrderTracking.Application.Orders.Notifications;
using OrderTracking.Application.Tracking.Queries.GetTracking;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// Sends live messages to connected clients (SignalR in the WebApi). Called by after-commit event handlers only,
/// so a change that fails or rolls back is never announced. Deciding who hears what is the handlers' job.
/// </summary>
public interface IOrderNotifier
{
    /// <summary>Sends <c>orderChanged</c> to the signed-in <paramref name="audiences"/>.</summary>
    Task OrderChangedAsync(OrderChange change, IReadOnlyList<OrderAudience> audiences, CancellationToken cancellationToken);

    /// <summary>Sends <c>trackingChanged</c>, the public view, to the followers of its tracking code.</summary>
    Task TrackingChangedAsync(TrackingDto view, CancellationToken cancellationToken);
}
