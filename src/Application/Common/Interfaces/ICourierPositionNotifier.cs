using OrderTracking.Application.CourierPositions;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// Sends a courier's new position to whoever may watch it (SignalR in the WebApi): the tracking pages of the orders it
/// carries, and their merchant's and the admins' order pages. Nobody else.
/// </summary>
public interface ICourierPositionNotifier
{
    Task CourierMovedAsync(IReadOnlyList<CourierPositionMessage> messages, CancellationToken cancellationToken);
}
