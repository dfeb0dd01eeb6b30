using Mediator;
using Microsoft.AspNetCore.SignalR;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Notifications;
using OrderTracking.Application.Tracking.Queries.GetTracking;

namespace OrderTracking.WebApi.Hubs;

/// <summary>
/// Sends committed order changes to the hub groups of their audiences. Followers of a tracking code get the
/// public view, read afresh through the same query as <c>GET /api/tracking/{code}</c>.
/// </summary>
public sealed partial class SignalROrderNotifier(IHubContext<OrdersHub> hub, IMediator mediator, ILogger<SignalROrderNotifier> logger) : IOrderNotifier
{
    public async Task PublishAsync(IReadOnlyList<OrderChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            try
            {
                await PublishAsync(change, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The change is committed; a lost announcement is repaired by clients refetching on reconnect.
                LogPublishFailed(logger, change.OrderId, ex);
            }
        }
    }

    private async Task PublishAsync(OrderChange change, CancellationToken cancellationToken)
    {
        var audiences = OrderAudience.For(change);
        var groups = audiences.Where(a => a is not OrderAudience.Tracking).Select(HubGroups.For).ToList();
        await hub.Clients.Groups(groups).SendAsync(OrdersHub.OrderChangedEvent, OrderChangedMessage.From(change), cancellationToken);

        if (audiences.OfType<OrderAudience.Tracking>().FirstOrDefault() is { } tracking)
        {
            try
            {
                var view = await mediator.Send(new GetTrackingQuery(tracking.TrackingCode), cancellationToken);
                await hub.Clients.Group(HubGroups.For(tracking)).SendAsync(OrdersHub.TrackingChangedEvent, view, cancellationToken);
            }
            catch (NotFoundException)
            {
                // Gone since the commit: nothing to show.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce the change of order {OrderId}")]
    private static partial void LogPublishFailed(ILogger logger, Guid orderId, Exception exception);
}
