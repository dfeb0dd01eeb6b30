using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Idempotency;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Orders.Commands.ClaimOrder;

/// <summary>A courier takes an unassigned order that is ready for pickup. Of two couriers racing, exactly one wins.</summary>
[Authorize(ActorType.Delivery)]
public sealed record ClaimOrderCommand(Guid OrderId) : ICommand<OrderDto>, IIdempotentCommand;

public sealed class ClaimOrderCommandHandler(
    ICurrentActor currentActor,
    IOrderRepository orders,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<ClaimOrderCommand, OrderDto>
{
    public async ValueTask<OrderDto> Handle(ClaimOrderCommand command, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var order = await orders.FindForUpdateAsync(OrderKey.ById(command.OrderId), OrderVisibility.ForClaim(actor), cancellationToken)
            ?? throw new NotFoundException("Order", command.OrderId);

        order.Claim(actor, timeProvider.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return order.ToDto(actor, timeProvider.GetUtcNow());
    }
}
