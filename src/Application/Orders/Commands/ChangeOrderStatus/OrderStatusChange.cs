using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Orders.Commands.ChangeOrderStatus;

/// <summary>
/// The steps every status route shares once it holds the order: check <c>If-Match</c>, let the aggregate
/// make the move, record what goes with it (a proof of delivery), commit, and turn a lost race into a conflict that
/// names the status now in force.
/// </summary>
internal static class OrderStatusChange
{
    public static async Task ApplyAsync(
        Order order,
        OrderStatus target,
        StatusChangeDetails details,
        uint? expectedVersion,
        Actor actor,
        IOrderRepository orders,
        IUnitOfWork unitOfWork,
        TimeProvider timeProvider,
        CancellationToken cancellationToken,
        Func<DateTimeOffset, CancellationToken, Task>? alongside = null)
    {
        if (expectedVersion is { } expected && expected != order.Version)
        {
            throw new ConcurrencyConflictException(
                $"The order has changed since version {expected}; it is now {order.Status} at version {order.Version}. Reload it and try again.",
                preconditionSent: true);
        }

        var now = timeProvider.GetUtcNow();
        order.ChangeStatus(target, details, actor, now);
        if (alongside is not null)
        {
            await alongside(now, cancellationToken);
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            var current = await orders.FindVisibleAsync(order.Id, actor, cancellationToken);
            throw new ConcurrencyConflictException(
                $"Someone else changed the order at the same moment; it is now {current?.Status.ToString() ?? "no longer visible to you"}. Reload it and try again.",
                preconditionSent: expectedVersion is not null);
        }
    }
}
