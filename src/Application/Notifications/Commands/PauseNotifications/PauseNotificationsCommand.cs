using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Common.Validation;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Notifications;

namespace OrderTracking.Application.Notifications.Commands.PauseNotifications;

/// <summary>An admin stops (or lets resume) a merchant's customer e-mails; pausing withholds those still waiting to be sent.</summary>
[Authorize(ActorType.Admin)]
public sealed record PauseNotificationsCommand(Guid MerchantId, bool? Paused, string? Reason) : ICommand<NotificationSettingsDto>;

public sealed class PauseNotificationsCommandValidator : AbstractValidator<PauseNotificationsCommand>
{
    public PauseNotificationsCommandValidator()
    {
        RuleFor(c => c.Paused).NotNull().WithMessage("Say whether the merchant's e-mails are paused (paused: true or false).");
        RuleFor(c => c.Reason).OptionalText(NotificationSettings.MaxPauseReasonLength, "the reason");
    }
}

public sealed class PauseNotificationsCommandHandler(
    ICurrentActor currentActor,
    INotificationRepository notifications,
    IUserRepository users,
    IEmailChannel channel,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<PauseNotificationsCommand, NotificationSettingsDto>
{
    public const string PausedReason = "Sending was paused by an admin.";

    public async ValueTask<NotificationSettingsDto> Handle(PauseNotificationsCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var (settings, saved) = await notifications.FindManagedAsync(users, currentActor.Required(), command.MerchantId, now, cancellationToken);
        if (command.Paused!.Value)
        {
            settings.Pause(command.Reason, now);
        }
        else
        {
            settings.Resume(now);
        }

        if (!saved)
        {
            notifications.AddSettings(settings);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        if (settings.IsPaused)
        {
            // After the commit: the sender also checks the pause before each e-mail, so one it claims meanwhile is withheld too.
            await notifications.WithholdWaitingAsync(command.MerchantId, PausedReason, cancellationToken);
        }

        return settings.ToDto(await notifications.FindSenderAsync(command.MerchantId, cancellationToken), channel.IsConfigured);
    }
}
