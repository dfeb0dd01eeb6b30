using FluentValidation;
using FluentValidation.Results;
using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Idempotency;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;

namespace OrderTracking.Application.Orders.Commands.AssignOrder;

/// <summary>Puts a courier or a delivery partner in charge of an order (exactly one of the two), before pickup.</summary>
[Authorize(ActorType.Admin, ActorType.Merchant)]
public sealed record AssignOrderCommand(Guid OrderId, Guid? CourierId, Guid? PartnerId) : ICommand<OrderDto>, IIdempotentCommand;

public sealed class AssignOrderCommandValidator : AbstractValidator<AssignOrderCommand>
{
    public AssignOrderCommandValidator()
    {
        RuleFor(c => c.CourierId).NotNull().When(c => c.PartnerId is null)
            .WithMessage("Name either a courierId or a partnerId.");
        RuleFor(c => c.PartnerId).Null().When(c => c.CourierId is not null)
            .WithMessage("Name either a courierId or a partnerId, not both.");
    }
}

public sealed class AssignOrderCommandHandler(
    ICurrentActor currentActor,
    IOrderRepository orders,
    IUserRepository users,
    IPartnerRepository partners,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<AssignOrderCommand, OrderDto>
{
    public async ValueTask<OrderDto> Handle(AssignOrderCommand command, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var order = await orders.FindForUpdateAsync(OrderKey.ById(command.OrderId), OrderVisibility.For(actor), cancellationToken)
            ?? throw new NotFoundException("Order", command.OrderId);
        var now = timeProvider.GetUtcNow();

        if (command.CourierId is { } courierId)
        {
            var courier = await users.FindByIdAsync(courierId, cancellationToken);
            if (courier is not { Role: UserRole.Delivery, IsActive: true })
            {
                throw new ValidationException([new ValidationFailure(nameof(command.CourierId), "No active courier has this id.")]);
            }

            order.AssignCourier(courier.Id, courier.DisplayName, actor, now);
        }
        else
        {
            var partner = await partners.FindByIdAsync(command.PartnerId!.Value, cancellationToken);
            if (partner is not { IsActive: true })
            {
                throw new ValidationException([new ValidationFailure(nameof(command.PartnerId), "No active delivery partner has this id.")]);
            }

            order.AssignPartner(partner.Id, partner.Name, actor, now);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return order.ToDto(actor, now);
    }
}
