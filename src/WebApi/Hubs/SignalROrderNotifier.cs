using Microsoft.AspNetCore.SignalR;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Notifications;
using OrderTracking.Application.Tracking.Queries.GetTracking;
using OrderTracking.Domain.Orders;

namespace OrderTracking.WebApi.Hubs;

/// <summary>Sends the live messages the after-commit handlers decided on to the hub groups of their audiences.</summary>
public sealed class SignalROrderNotifier(IHubContext<OrdersHub> hub) : IOrderNotifier
{
    public Task OrderChangedAsync(OrderChange change, IReadOnlyList<OrderAudience> audiences, CancellationToken cancellationToken) =>
        hub.Clients.Groups(audiences.Select(HubGroups.For).ToList()).SendAsync(OrdersHub.OrderChangedEvent, OrderChangedMessage.From(change), cancellationToken);

    public Task TrackingChangedAsync(TrackingDto view, CancellationToken cancellationToken) =>
        hub.Clients.Group(HubGroups.Tracking(view.TrackingCode)).SendAsync(OrdersHub.TrackingChangedEvent, view, cancellationToken);
}
