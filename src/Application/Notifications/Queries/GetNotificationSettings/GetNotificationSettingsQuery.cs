using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Notifications.Queries.GetNotificationSettings;

/// <summary>A merchant's customer e-mail settings (its defaults until it saves them): its own, or any for an admin.</summary>
[Authorize(ActorType.Merchant, ActorType.Admin)]
public sealed record GetNotificationSettingsQuery(Guid MerchantId) : IQuery<NotificationSettingsDto>;

public sealed class GetNotificationSettingsQueryHandler(
    ICurrentActor currentActor,
    INotificationRepository notifications,
    IUserRepository users,
    IEmailChannel channel,
    TimeProvider timeProvider) : IQueryHandler<GetNotificationSettingsQuery, NotificationSettingsDto>
{
    public async ValueTask<NotificationSettingsDto> Handle(GetNotificationSettingsQuery query, CancellationToken cancellationToken)
    {
        var (settings, _) = await notifications.FindManagedAsync(users, currentActor.Required(), query.MerchantId, timeProvider.GetUtcNow(), cancellationToken);
        return settings.ToDto(await notifications.FindSenderAsync(query.MerchantId, cancellationToken), channel.IsConfigured);
    }
}
