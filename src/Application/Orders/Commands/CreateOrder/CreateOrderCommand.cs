using FluentValidation;
using OrderTracking.Application.Common.Validation;
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

namespace OrderTracking.Application.Orders.Commands.CreateOrder;

/// <summary>A new order. Merchants create orders for themselves; an admin names the merchant in <see cref="MerchantId"/>.</summary>
[Authorize(ActorType.Merchant, ActorType.Admin)]
public sealed record CreateOrderCommand : ICommand<OrderDto>, IIdempotentCommand
{
    /// <summary>Required for an admin; a merchant leaves it out (or sends its own id).</summary>
    public Guid? MerchantId { get; init; }

    public CustomerDto? Customer { get; init; }
    public DeliveryAddressDto? DeliveryAddress { get; init; }
    public IReadOnlyList<OrderItemDto>? Items { get; init; }

    /// <summary>ISO 4217 code, upper case, such as EUR.</summary>
    public string? Currency { get; init; }

    public string? Notes { get; init; }
    public DateTimeOffset? EstimatedDeliveryAt { get; init; }

    /// <summary>
    /// Which of the merchant's pickup locations the courier collects from; leave it out for the default location.
    /// The order keeps a copy of the address, so editing the location later does not change the order.
    /// </summary>
    public Guid? PickupLocationId { get; init; }
}

public sealed class CreateOrderCommandValidator : AbstractValidator<CreateOrderCommand>
{
    public CreateOrderCommandValidator(TimeProvider timeProvider)
    {
        RuleFor(c => c.Customer).NotNull().WithMessage("Enter who the order is for.").SetValidator(new CustomerValidator()!);
        RuleFor(c => c.DeliveryAddress).NotNull().WithMessage("Enter the delivery address.").SetValidator(new DeliveryAddressValidator()!);
        RuleFor(c => c.Items).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Add at least one item.")
            .MaxItems(OrderItem.MaxItemsPerOrder).WithMessage($"An order has at most {OrderItem.MaxItemsPerOrder} items.");
        RuleForEach(c => c.Items).NotNull().WithMessage("Describe each item.").SetValidator(new OrderItemValidator());
        RuleFor(c => c.Currency).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Choose the currency.")
            .Must(CurrencyCode.IsIso4217).WithMessage("Choose a currency by its three-letter code, such as EUR.")
            .Length(CurrencyCode.Length).WithMessage("Choose a currency by its three-letter code, such as EUR.");
        RuleFor(c => c.Notes).OptionalText(Order.MaxNotesLength, "the notes");
        RuleFor(c => c.EstimatedDeliveryAt)
            .Must(at => at > timeProvider.GetUtcNow()).When(c => c.EstimatedDeliveryAt is not null)
            .WithMessage("Choose an estimated delivery time in the future.");
    }
}

public sealed class CreateOrderCommandHandler(
    ICurrentActor currentActor,
    IOrderRepository orders,
    IUserRepository users,
    IMerchantProfileRepository profiles,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<CreateOrderCommand, OrderDto>
{
    public async ValueTask<OrderDto> Handle(CreateOrderCommand command, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var merchantId = await ResolveMerchantAsync(command.MerchantId, actor, cancellationToken);
        var pickup = await ResolvePickupAsync(merchantId, command.PickupLocationId, cancellationToken);

        var order = Order.Create(
            merchantId,
            command.Customer!.ToDomain(),
            command.DeliveryAddress!.ToDomain(),
            command.Items!.Select(i => new OrderItem(i.Name, i.Quantity, i.UnitPrice!.Value)).ToList(),
            command.Currency!,
            command.Notes,
            command.EstimatedDeliveryAt?.ToUniversalTime(),
            actor,
            timeProvider.GetUtcNow(),
            pickup);

        orders.Add(order);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return order.ToDto(actor, timeProvider.GetUtcNow());
    }

    /// <summary>The named location or the merchant's default; none when the merchant has not set up a location yet.</summary>
    private async Task<OrderPickup?> ResolvePickupAsync(Guid merchantId, Guid? locationId, CancellationToken cancellationToken) =>
        await profiles.FindPickupAsync(merchantId, locationId, cancellationToken)
            ?? (locationId is null
                ? null
                : throw new ValidationException([new ValidationFailure(nameof(CreateOrderCommand.PickupLocationId), "This merchant has no pickup location with this id.")]));

    private async Task<Guid> ResolveMerchantAsync(Guid? requested, Actor actor, CancellationToken cancellationToken)
    {
        if (actor.Type == ActorType.Merchant)
        {
            return requested is null || requested == actor.Id
                ? actor.Id
                : throw new ForbiddenAccessException("A merchant creates orders only for itself.");
        }

        if (requested is not { } merchantId)
        {
            throw new ValidationException([new ValidationFailure(nameof(CreateOrderCommand.MerchantId), "An admin must name the merchant the order is for.")]);
        }

        var merchant = await users.FindByIdAsync(merchantId, cancellationToken);
        return merchant is { Role: UserRole.Merchant, IsActive: true }
            ? merchantId
            : throw new ValidationException([new ValidationFailure(nameof(CreateOrderCommand.MerchantId), "No active merchant has this id.")]);
    }
}
