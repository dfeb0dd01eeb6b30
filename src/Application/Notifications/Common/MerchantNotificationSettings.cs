using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Merchants;
using OrderTracking.Domain.Notifications;
using OrderTracking.Domain.Users;

namespace OrderTracking.Application.Notifications.Common;

/// <summary>Loads a merchant's e-mail settings for someone who may manage them: the merchant itself or an admin.</summary>
public static class MerchantNotificationSettings
{
    /// <summary>
    /// The merchant's settings (tracked), or its defaults, not yet added, when it never saved any. 403 when
    /// <paramref name="actor"/> may not manage them; 404 when <paramref name="merchantId"/> is no merchant.
    /// </summary>
    public static async Task<(NotificationSettings Settings, bool Saved)> FindManagedAsync(
        this INotificationRepository notifications, IUserRepository users, Actor actor, Guid merchantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!MerchantProfile.MayBeManagedBy(actor, merchantId))
        {
            throw new ForbiddenAccessException("A merchant manages only its own e-mail settings.");
        }

        if (await notifications.FindSettingsAsync(merchantId, cancellationToken) is { } saved)
        {
            return (saved, true);
        }

        var merchant = await users.FindByIdAsync(merchantId, cancellationToken);
        return merchant is { Role: UserRole.Merchant }
            ? (NotificationSettings.Defaults(merchantId, now), false)
            : throw new NotFoundException("Merchant", merchantId);
    }
}
