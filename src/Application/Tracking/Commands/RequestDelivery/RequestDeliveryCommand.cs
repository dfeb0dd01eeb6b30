using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Merchants;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Tracking.Commands.RequestDelivery;

/// <summary>
/// From the tracking page, after a failed attempt: instructions for the courier, another day (one the merchant offers),
/// or both. Anyone holding the code may send it, so it carries only the new request and answers nothing personal.
/// </summary>
public sealed record RequestDeliveryCommand(string TrackingCode, string? Instructions, DateOnly? PreferredDate) : ICommand<TrackingDeliveryRequestDto>;

public sealed class RequestDeliveryCommandValidator : AbstractValidator<RequestDeliveryCommand>
{
    public RequestDeliveryCommandValidator()
    {
        RuleFor(c => c.Instructions).MaximumLength(CustomerDeliveryRequest.MaxInstructionsLength)
            .WithMessage($"Keep the instructions to {CustomerDeliveryRequest.MaxInstructionsLength} characters.");
        RuleFor(c => c.Instructions).NotEmpty().When(c => c.PreferredDate is null)
            .WithMessage("Write instructions for the courier, choose another day, or both.");
    }
}

public sealed class RequestDeliveryCommandHandler(
    IOrderRepository orders,
    ITrackingPageSettingsRepository settings,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<RequestDeliveryCommand, TrackingDeliveryRequestDto>
{
    public async ValueTask<TrackingDeliveryRequestDto> Handle(RequestDeliveryCommand command, CancellationToken cancellationToken)
    {
        var code = command.TrackingCode.Trim().ToUpperInvariant();
        var order = (TrackingCode.IsWellFormed(code) ? await orders.FindForUpdateAsync(Orders.Common.OrderKey.ByTrackingCode(code), _ => true, cancellationToken) : null)
            ?? throw new NotFoundException("Tracking code", command.TrackingCode);
        var now = timeProvider.GetUtcNow();
        var pageSettings = await settings.FindAsync(order.MerchantId, cancellationToken) ?? TrackingPageSettings.Default(order.MerchantId);
        order.RequestDelivery(command.Instructions, command.PreferredDate, pageSettings.AllowedDates(DateOnly.FromDateTime(now.UtcDateTime)), now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new TrackingDeliveryRequestDto(order.DeliveryRequest!.RequestedAt, order.DeliveryRequest.PreferredDate);
    }
}
