using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Idempotency;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Proofs;

namespace OrderTracking.Application.Orders.Commands.ChangeOrderStatus;

/// <summary>Moves an order to <see cref="Status"/>, if the lifecycle table lets the caller do so.</summary>
[Authorize(ActorType.Admin, ActorType.Merchant, ActorType.Delivery, ActorType.Partner)]
public sealed record ChangeOrderStatusCommand(
    OrderKey Order,
    OrderStatus? Status,
    string? Note = null,
    string? Reason = null,
    string? RecipientName = null,
    uint? ExpectedVersion = null,
    DateTimeOffset? OccurredAt = null) : ICommand<OrderDto>, IIdempotentCommand;

/// <summary>
/// The shape of the request only. What a status needs with it (a cancel reason, a known failure reason, a note for
/// Other) is the order's invariant, checked by <see cref="Order.ChangeStatus"/> and answered with the same 400.
/// </summary>
public sealed class ChangeOrderStatusCommandValidator : AbstractValidator<ChangeOrderStatusCommand>
{
    public ChangeOrderStatusCommandValidator()
    {
        RuleFor(c => c.Status).NotNull().IsInEnum();
        RuleFor(c => c.Note).MaximumLength(Order.MaxNotesLength);
        RuleFor(c => c.Reason).MaximumLength(Order.MaxReasonLength);
        RuleFor(c => c.RecipientName).MaximumLength(Order.MaxRecipientNameLength);
    }
}

public sealed class ChangeOrderStatusCommandHandler(
    ICurrentActor currentActor,
    IOrderRepository orders,
    IDeliveryProofRepository proofs,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<ChangeOrderStatusCommand, OrderDto>
{
    public async ValueTask<OrderDto> Handle(ChangeOrderStatusCommand command, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var order = await orders.FindForUpdateAsync(command.Order, OrderVisibility.For(actor), cancellationToken)
            ?? throw new NotFoundException("Order", command.Order);

        // A delivery without images still meets its merchant's policy (a required photo or signature refuses it), and
        // a recipient's name becomes the proof the tracking page shows.
        Func<DateTimeOffset, CancellationToken, Task>? recordProof = command.Status == OrderStatus.Delivered
            ? async (now, token) =>
            {
                var policy = await proofs.GetPolicyAsync(order.MerchantId, token);
                var proof = DeliveryProof.Record(order, policy, command.RecipientName, null, null, null, command.OccurredAt, now);
                if (proof.RecipientName is not null)
                {
                    proofs.Add(proof);
                }
            }
            : null;
        await OrderStatusChange.ApplyAsync(order, command.Status!.Value, new StatusChangeDetails(command.Note, command.Reason, command.RecipientName, command.OccurredAt),
            command.ExpectedVersion, actor, unitOfWork, timeProvider, cancellationToken, recordProof);
        return order.ToDto(actor, timeProvider.GetUtcNow());
    }
}
