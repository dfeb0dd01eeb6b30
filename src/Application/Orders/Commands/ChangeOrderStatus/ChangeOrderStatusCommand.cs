using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Orders.Commands.ChangeOrderStatus;

/// <summary>Moves an order to <see cref="Status"/>, if the lifecycle table lets the caller do so.</summary>
[Authorize(ActorType.Admin, ActorType.Merchant, ActorType.Delivery, ActorType.Partner)]
public sealed record ChangeOrderStatusCommand(
    OrderKey Order,
    OrderStatus? Status,
    string? Note = null,
    string? Reason = null,
    string? RecipientName = null,
    uint? ExpectedVersion = null) : ICommand<OrderDto>;

public sealed class ChangeOrderStatusCommandValidator : AbstractValidator<ChangeOrderStatusCommand>
{
    public ChangeOrderStatusCommandValidator()
    {
        RuleFor(c => c.Status).NotNull().IsInEnum();
        RuleFor(c => c.Note).MaximumLength(Order.MaxNotesLength);
        RuleFor(c => c.Reason).MaximumLength(Order.MaxReasonLength);
        RuleFor(c => c.RecipientName).MaximumLength(OrderValidationRules.MaxTextLength);
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Status == OrderStatus.Cancelled)
            .WithMessage("A reason is required to cancel an order.");
        RuleFor(c => c.Reason).IsEnumName(typeof(DeliveryFailureReason), caseSensitive: true).When(c => c.Status == OrderStatus.DeliveryFailed)
            .WithMessage("A failed delivery needs one of these reasons: " + string.Join(", ", Enum.GetNames<DeliveryFailureReason>()) + ".");
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Status == OrderStatus.DeliveryFailed)
            .WithMessage("A failed delivery needs a reason.");
        RuleFor(c => c.Note).NotEmpty()
            .When(c => c.Status == OrderStatus.DeliveryFailed && c.Reason == nameof(DeliveryFailureReason.Other))
            .WithMessage("A note is required when the failure reason is Other.");
    }
}

public sealed class ChangeOrderStatusCommandHandler(
    ICurrentActor currentActor,
    IOrderRepository orders,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<ChangeOrderStatusCommand, OrderDto>
{
    public async ValueTask<OrderDto> Handle(ChangeOrderStatusCommand command, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var order = await orders.FindForUpdateAsync(command.Order, OrderVisibility.For(actor), cancellationToken)
            ?? throw new NotFoundException("Order", command.Order);

        await OrderStatusChange.ApplyAsync(order, command.Status!.Value, new StatusChangeDetails(command.Note, command.Reason, command.RecipientName),
            command.ExpectedVersion, actor, orders, unitOfWork, timeProvider, cancellationToken);
        return order.ToDto(actor);
    }
}
