using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Orders.Commands.ChangeOrderStatus;

/// <summary>
/// The steps every status route shares once it holds the order: check <c>If-Match</c>, let the aggregate make the
/// move, record what goes with it (a proof of delivery) and save it. A race lost at the save is the unit of work's
/// conflict, which names the status now in force.
/// </summary>
internal static class OrderStatusChange
{
    public static async Task ApplyAsync(
        Order order,
        OrderStatus target,
        StatusChangeDetails details,
        uint? expectedVersion,
        Actor actor,
        IUnitOfWork unitOfWork,
        TimeProvider timeProvider,
        CancellationToken cancellationToken,
        Func<DateTimeOffset, CancellationToken, Task>? alongside = null)
    {
        if (expectedVersion is { } expected && expected != order.Version)
        {
            throw new ConcurrencyConflictException(
                $"The order has changed since version {expected}; it is now {order.Status} at version {order.Version}. Reload it and try again.");
        }

        var now = timeProvider.GetUtcNow();
        order.ChangeStatus(target, details, actor, now);
        if (alongside is not null)
        {
            await alongside(now, cancellationToken);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
    }
}
