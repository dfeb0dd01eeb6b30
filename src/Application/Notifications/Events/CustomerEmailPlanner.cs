using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Events;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Notifications;
using OrderTracking.Domain.Orders.Events;

namespace OrderTracking.Application.Notifications.Events;

/// <summary>
/// Plans the customer's e-mail for a committed status change, after commit (an outbox handler), when the merchant
/// chose that event, sending is on and not paused, and the order has a customer e-mail. The e-mail is rendered now,
/// from the event and the order as of the event, and sent by the sender after a short delay in which a later change
/// of the same order supersedes it. Running twice for one event plans nothing more (one e-mail per event and
/// recipient, held by a unique constraint). An address that unsubscribed gets a withheld record, not an e-mail.
/// </summary>
public sealed class CustomerEmailPlanner(
    INotificationRepository notifications,
    IEmailChannel channel,
    CustomerEmailComposer composer,
    IOptions<NotificationOptions> options,
    TimeProvider timeProvider) : IDomainEventHandler<OrderStatusChanged>
{
    public const string UnsubscribedReason = "The customer unsubscribed from these e-mails.";

    public async Task HandleAsync(OrderStatusChanged domainEvent, DomainEventContext context, CancellationToken cancellationToken)
    {
        if (!channel.IsConfigured || !NotificationSettings.NotifiableStatuses.Contains(domainEvent.To))
        {
            return;
        }

        var settings = await notifications.FindSettingsAsync(domainEvent.MerchantId, cancellationToken);
        if (settings is null || !settings.Sends(domainEvent.To))
        {
            return;
        }

        var order = await notifications.FindOrderFactsAsync(domainEvent.OrderId, domainEvent.OccurredAt, cancellationToken);
        if (order?.CustomerEmail is not { Length: > 0 } address)
        {
            return;
        }

        var locale = new Locale(order.CustomerLanguage ?? settings.Language, order.CustomerTimeZone ?? settings.TimeZone);
        var facts = new EmailFacts(domainEvent.To, domainEvent.OccurredAt, domainEvent.TrackingCode, domainEvent.EstimatedDeliveryAt, order.FailureReason, order.Sender);
        var scope = new UnsubscribeScope(domainEvent.MerchantId, EmailAddressMask.Normalize(address), domainEvent.OrderId);
        var rendered = composer.Compose(facts, settings, locale, scope);
        var now = timeProvider.GetUtcNow();
        var email = EmailNotification.Plan(
            domainEvent.MerchantId, domainEvent.OrderId, context.EventId, domainEvent.To, isTest: false, address, rendered,
            domainEvent.OccurredAt, now + options.Value.CoalesceDelay, options.Value.RetrySchedule.Window, now);
        if (await notifications.IsSuppressedAsync(domainEvent.MerchantId, email.Recipient, domainEvent.OrderId, cancellationToken))
        {
            email.Withhold(UnsubscribedReason);
        }

        await notifications.PlanAsync(email, cancellationToken);
    }
}
