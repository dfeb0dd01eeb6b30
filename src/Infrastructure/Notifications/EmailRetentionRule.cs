using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Domain.Notifications;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.Infrastructure.Retention;

namespace OrderTracking.Infrastructure.Notifications;

/// <summary>
/// Customers' e-mails are personal data. After <see cref="NotificationOptions.BodyRetentionDays"/> an e-mail that is
/// no longer waiting keeps only its line on the order page (event, outcome, times, subject, masked address): its
/// bodies and its full address are erased. After <see cref="NotificationOptions.RecordRetentionDays"/> the line goes too.
/// </summary>
public sealed class EmailRetentionRule(AppDbContext db, IOptions<NotificationOptions> options, TimeProvider timeProvider) : IRetentionRule
{
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var recordsBefore = now.AddDays(-options.Value.RecordRetentionDays);
        var bodiesBefore = now.AddDays(-options.Value.BodyRetentionDays);
        var deleted = await db.EmailNotifications.Where(e => e.CreatedAt < recordsBefore).ExecuteDeleteAsync(cancellationToken);
        var blanked = await db.EmailNotifications
            .Where(e => e.CreatedAt < bodiesBefore && e.Status != EmailNotificationStatus.Pending && (e.TextBody != null || e.HtmlBody != null))
            .ExecuteUpdateAsync(
                set => set.SetProperty(e => e.TextBody, (string?)null).SetProperty(e => e.HtmlBody, (string?)null)
                    .SetProperty(e => e.UnsubscribeUrl, (string?)null).SetProperty(e => e.Recipient, e => e.RecipientMasked),
                cancellationToken);
        return deleted + blanked;
    }
}
