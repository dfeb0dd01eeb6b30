using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Notifications.Commands.SaveNotificationSettings;

/// <summary>Replaces what a merchant's customers are e-mailed about and how the e-mails look (the merchant's own, or any for an admin).</summary>
[Authorize(ActorType.Merchant, ActorType.Admin)]
public sealed record SaveNotificationSettingsCommand(
    Guid MerchantId,
    bool? Enabled,
    IReadOnlyList<OrderStatus>? Events,
    string? SenderName,
    string? ReplyTo,
    string? AccentColour,
    string? LogoUrl,
    string? Language,
    string? TimeZone) : ICommand<NotificationSettingsDto>, INotificationSettingsFields;

public sealed class SaveNotificationSettingsCommandValidator : NotificationSettingsValidator<SaveNotificationSettingsCommand>;

public sealed class SaveNotificationSettingsCommandHandler(
    ICurrentActor currentActor,
    INotificationRepository notifications,
    IUserRepository users,
    IEmailChannel channel,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<SaveNotificationSettingsCommand, NotificationSettingsDto>
{
    public async ValueTask<NotificationSettingsDto> Handle(SaveNotificationSettingsCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var (settings, saved) = await notifications.FindManagedAsync(users, currentActor.Required(), command.MerchantId, now, cancellationToken);
        command.ApplyTo(settings, now);
        if (!saved)
        {
            notifications.AddSettings(settings);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return settings.ToDto(await notifications.FindSenderAsync(command.MerchantId, cancellationToken), channel.IsConfigured);
    }
}
