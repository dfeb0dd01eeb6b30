using OrderTracking.Application.Orders.Notifications;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// Tells connected clients that orders changed. Called only after the changes are committed: a change that fails
/// or rolls back is never announced.
/// </summary>
public interface IOrderNotifier
{
    Task PublishAsync(IReadOnlyList<OrderChange> changes, CancellationToken cancellationToken);
}
