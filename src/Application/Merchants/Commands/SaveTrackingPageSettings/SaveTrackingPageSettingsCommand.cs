using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Common.Validation;
using OrderTracking.Application.Merchants.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Merchants;
using OrderTracking.Domain.Users;

namespace OrderTracking.Application.Merchants.Commands.SaveTrackingPageSettings;

/// <summary>Sets what the merchant's customers see and may choose on the tracking page.</summary>
[Authorize(ActorType.Merchant, ActorType.Admin)]
public sealed record SaveTrackingPageSettingsCommand(Guid MerchantId, bool? ShowPrices, IReadOnlyList<DayOfWeek>? RedeliveryDays, int? RedeliveryHorizonDays)
    : ICommand<TrackingPageSettingsDto>;

public sealed class SaveTrackingPageSettingsCommandValidator : AbstractValidator<SaveTrackingPageSettingsCommand>
{
    private static readonly int DaysInWeek = Enum.GetValues<DayOfWeek>().Length;

    public SaveTrackingPageSettingsCommandValidator()
    {
        RuleFor(c => c.ShowPrices).NotNull().WithMessage("Say whether customers see prices.");
        RuleFor(c => c.RedeliveryDays).NotNull().WithMessage("Choose the days customers may pick for another attempt (none is allowed).");
        RuleFor(c => c.RedeliveryDays).MaxItems(DaysInWeek).WithMessage($"Choose each weekday at most once: {DaysInWeek} at most.");
        RuleForEach(c => c.RedeliveryDays).IsInEnum().WithMessage("Choose days from Monday to Sunday.");
        RuleFor(c => c.RedeliveryHorizonDays).NotNull().InclusiveBetween(1, TrackingPageSettings.MaxRedeliveryHorizonDays)
            .WithMessage($"Let customers choose from 1 to {TrackingPageSettings.MaxRedeliveryHorizonDays} days ahead.");
    }
}

public sealed class SaveTrackingPageSettingsCommandHandler(
    ICurrentActor currentActor,
    ITrackingPageSettingsRepository settings,
    IUserRepository users,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<SaveTrackingPageSettingsCommand, TrackingPageSettingsDto>
{
    public async ValueTask<TrackingPageSettingsDto> Handle(SaveTrackingPageSettingsCommand command, CancellationToken cancellationToken)
    {
        MerchantProfiles.EnsureMayManage(currentActor.Required(), command.MerchantId);
        var current = await settings.FindAsync(command.MerchantId, cancellationToken);
        if (current is null)
        {
            if (await users.FindByIdAsync(command.MerchantId, cancellationToken) is not { Role: UserRole.Merchant })
            {
                throw new NotFoundException("Merchant", command.MerchantId);
            }

            current = TrackingPageSettings.Default(command.MerchantId);
            settings.Add(current);
        }

        current.Change(command.ShowPrices!.Value, TrackingPageSettingsDto.ToFlags(command.RedeliveryDays!), command.RedeliveryHorizonDays!.Value, timeProvider.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return TrackingPageSettingsDto.From(current);
    }
}
