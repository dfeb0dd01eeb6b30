using OrderTracking.Application.Notifications.Common;
using OrderTracking.Domain.Notifications;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>Merchants' e-mail settings, the e-mails planned for their customers, and the addresses that unsubscribed.</summary>
public interface INotificationRepository
{
    /// <summary>The merchant's saved settings, tracked for changes; null when it never saved any (it has the defaults).</summary>
    Task<NotificationSettings?> FindSettingsAsync(Guid merchantId, CancellationToken cancellationToken);

    void AddSettings(NotificationSettings settings);

    /// <summary>What an e-mail about the order says, as of <paramref name="asOf"/>; null when there is no such order.</summary>
    Task<OrderEmailFacts?> FindOrderFactsAsync(Guid orderId, DateTimeOffset asOf, CancellationToken cancellationToken);

    /// <summary>The merchant's name and public contact, as its customers see the sender.</summary>
    Task<MerchantSender> FindSenderAsync(Guid merchantId, CancellationToken cancellationToken);

    /// <summary>Whether the address asked for no more e-mails from the merchant, about this order or about all of them.</summary>
    Task<bool> IsSuppressedAsync(Guid merchantId, string address, Guid? orderId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a planned e-mail unless one for the same event and recipient exists (a handler that runs twice plans
    /// nothing more), and supersedes the e-mails about the same order to the same address that are still waiting and
    /// older; an e-mail planned after a newer one (a retried event) is saved superseded. Wakes the sender.
    /// </summary>
    Task PlanAsync(EmailNotification email, CancellationToken cancellationToken);

    /// <summary>Records an unsubscribe (once) and withholds the e-mails it covers that are still waiting.</summary>
    Task SuppressAsync(EmailSuppression suppression, CancellationToken cancellationToken);

    /// <summary>Withholds every e-mail of the merchant still waiting to be sent, giving <paramref name="reason"/>.</summary>
    Task<int> WithholdWaitingAsync(Guid merchantId, string reason, CancellationToken cancellationToken);

    /// <summary>The order's e-mails, oldest first.</summary>
    Task<IReadOnlyList<EmailNotification>> ListForOrderAsync(Guid orderId, CancellationToken cancellationToken);
}
