using Microsoft.AspNetCore.SignalR;
using OrderTracking.Application.Arrivals;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.CourierPositions;
using OrderTracking.WebApi.Hubs;

namespace OrderTracking.WebApi.LiveMap;

/// <summary>
/// <c>courierPosition</c> to the followers of each carried order's tracking code (the code, the position and the new
/// arrival window only), and to its merchant's and the admins' connections (with the order's id, for their order pages).
/// Couriers, the pickup pool and other merchants never get it.
/// </summary>
public sealed class SignalRCourierPositionNotifier(IHubContext<OrdersHub> hub) : ICourierPositionNotifier
{
    public const string CourierPositionEvent = "courierPosition";

    public async Task CourierMovedAsync(IReadOnlyList<CourierPositionMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await hub.Clients.Group(HubGroups.Tracking(message.TrackingCode))
                .SendAsync(CourierPositionEvent, new PublicCourierPosition(message.TrackingCode, message.Position, message.Arrival), cancellationToken);
            await hub.Clients.Groups([HubGroups.Merchant(message.MerchantId), HubGroups.Admins])
                .SendAsync(CourierPositionEvent, new OrderCourierPosition(message.OrderId, message.TrackingCode, message.Position), cancellationToken);
        }
    }

    /// <summary>What a tracking page hears: the code it follows, where the courier is, and when to expect the parcel now.</summary>
    public sealed record PublicCourierPosition(string TrackingCode, CourierPositionDto Position, ArrivalWindowDto? Arrival);

    /// <summary>What the merchant's and the admins' order pages hear.</summary>
    public sealed record OrderCourierPosition(Guid OrderId, string TrackingCode, CourierPositionDto Position);
}
