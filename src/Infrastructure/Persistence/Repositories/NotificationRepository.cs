using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Application.Tracking.Queries.GetTracking;
using OrderTracking.Domain.Notifications;
using OrderTracking.Domain.Orders;
using OrderTracking.Infrastructure.Notifications;

namespace OrderTracking.Infrastructure.Persistence.Repositories;

public sealed class NotificationRepository(AppDbContext db, EmailSenderSignal signal, TimeProvider timeProvider) : INotificationRepository
{
    public Task<NotificationSettings?> FindSettingsAsync(Guid merchantId, CancellationToken cancellationToken) =>
        db.NotificationSettings.FirstOrDefaultAsync(s => s.MerchantId == merchantId, cancellationToken);

    public void AddSettings(NotificationSettings settings) => db.NotificationSettings.Add(settings);

    public async Task<OrderEmailFacts?> FindOrderFactsAsync(Guid orderId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking()
            .Where(o => o.Id == orderId)
            .Select(o => new
            {
                o.Id,
                o.MerchantId,
                o.TrackingCode,
                o.Customer.Email,
                o.Customer.Language,
                o.Customer.TimeZone,
                o.EstimatedDeliveryAt,
                FailureReason = o.History
                    .Where(h => h.Kind == OrderHistoryKind.StatusChange && h.To == OrderStatus.DeliveryFailed && h.At <= asOf)
                    .OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
                    .Select(h => h.Reason).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return order is null
            ? null
            : new OrderEmailFacts(
                order.Id, order.MerchantId, order.TrackingCode, order.Email, order.Language, order.TimeZone, order.EstimatedDeliveryAt,
                PublicTrackingView.FailureReasonOf(OrderStatus.DeliveryFailed, order.FailureReason),
                await FindSenderAsync(order.MerchantId, cancellationToken));
    }

    public async Task<MerchantSender> FindSenderAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        var sender = await db.Users.AsNoTracking()
            .Where(u => u.Id == merchantId)
            .Select(u => new
            {
                u.DisplayName,
                Profile = db.MerchantProfiles.Where(p => p.MerchantId == u.Id).Select(p => new { p.BusinessName, p.ContactPhone, p.ContactEmail }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return new MerchantSender(sender?.Profile?.BusinessName ?? sender?.DisplayName ?? string.Empty, sender?.Profile?.ContactPhone, sender?.Profile?.ContactEmail);
    }

    public Task<bool> IsSuppressedAsync(Guid merchantId, string address, Guid? orderId, CancellationToken cancellationToken)
    {
        var normalized = EmailAddressMask.Normalize(address);
        return db.EmailSuppressions.AnyAsync(
            s => s.MerchantId == merchantId && s.Address == normalized && (s.OrderId == null || s.OrderId == orderId), cancellationToken);
    }

    public async Task PlanAsync(EmailNotification email, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var pending = nameof(EmailNotificationStatus.Pending);
        var superseded = nameof(EmailNotificationStatus.Superseded);
        var inserted = await db.Database.SqlQuery<Guid>(
            $"""
            INSERT INTO email_notifications (id, merchant_id, order_id, event_id, event, is_test, recipient, recipient_masked, subject, text_body, html_body,
                sender_name, reply_to, unsubscribe_url, status, attempt_count, next_attempt_at, retry_until, last_error, occurred_at, created_at)
            VALUES ({email.Id}, {email.MerchantId}, {email.OrderId}, {email.EventId}, {email.Event.ToString()}, {email.IsTest}, {email.Recipient},
                {email.RecipientMasked}, {email.Subject}, {email.TextBody}, {email.HtmlBody}, {email.SenderName}, {email.ReplyTo}, {email.UnsubscribeUrl},
                CASE WHEN {email.Status.ToString()} = {pending} AND EXISTS (
                    SELECT 1 FROM email_notifications newer
                    WHERE newer.order_id = {email.OrderId} AND newer.recipient = {email.Recipient} AND newer.occurred_at > {email.OccurredAt})
                THEN {superseded} ELSE {email.Status.ToString()} END,
                0, {email.NextAttemptAt}, {email.RetryUntil}, {email.LastError}, {email.OccurredAt}, {email.CreatedAt})
            ON CONFLICT (event_id, recipient) DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        if (inserted.Count == 0)
        {
            return;
        }

        if (email.OrderId is { } orderId && email.Status == EmailNotificationStatus.Pending)
        {
            // Only the latest state of an order goes out: what is still waiting (not being sent right now) is superseded.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                UPDATE email_notifications SET status = {superseded}
                WHERE order_id = {orderId} AND recipient = {email.Recipient} AND status = {pending} AND occurred_at < {email.OccurredAt}
                  AND (claimed_until IS NULL OR claimed_until < {now})
                """,
                cancellationToken);
        }

        signal.Wake();
    }

    public async Task SuppressAsync(EmailSuppression suppression, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO email_suppressions (id, merchant_id, address, order_id, created_at)
            VALUES ({suppression.Id}, {suppression.MerchantId}, {suppression.Address}, {suppression.OrderId}, {suppression.CreatedAt})
            ON CONFLICT (merchant_id, address, order_id) DO NOTHING
            """,
            cancellationToken);
        var waiting = db.EmailNotifications.Where(e =>
            e.MerchantId == suppression.MerchantId && e.Recipient == suppression.Address && e.Status == EmailNotificationStatus.Pending && !e.IsTest);
        if (suppression.OrderId is { } orderId)
        {
            waiting = waiting.Where(e => e.OrderId == orderId);
        }

        await waiting.ExecuteUpdateAsync(
            set => set.SetProperty(e => e.Status, EmailNotificationStatus.Withheld).SetProperty(e => e.LastError, Application.Notifications.Events.CustomerEmailPlanner.UnsubscribedReason),
            cancellationToken);
    }

    public Task<int> WithholdWaitingAsync(Guid merchantId, string reason, CancellationToken cancellationToken) =>
        db.EmailNotifications
            .Where(e => e.MerchantId == merchantId && e.Status == EmailNotificationStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, EmailNotificationStatus.Withheld).SetProperty(e => e.LastError, reason), cancellationToken);

    public async Task<IReadOnlyList<EmailNotification>> ListForOrderAsync(Guid orderId, CancellationToken cancellationToken) =>
        await db.EmailNotifications.AsNoTracking()
            .Where(e => e.OrderId == orderId)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
}
