using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderTracking.Domain.Webhooks;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Retention;

/// <summary>
/// Deletes webhook deliveries that finished (delivered or failed) more than <see cref="RetentionOptions.WebhookDeliveryDays"/>
/// ago: each holds the whole order it announced, customer included, and past that nobody resends it. A pending
/// delivery is never touched, however old, so the per-order ordering of what is still to be sent is kept.
/// </summary>
public sealed class FinishedWebhookDeliveries(AppDbContext db, IOptions<RetentionOptions> options, TimeProvider timeProvider) : IRetentionRule
{
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - TimeSpan.FromDays(options.Value.WebhookDeliveryDays);
        var batchSize = options.Value.BatchSize;
        var total = 0;
        int deleted;
        do
        {
            // A delivery's last attempt is never before its creation, so the created_at bound only lets the partial
            // index narrow the search; the last activity decides.
            var batch = db.WebhookDeliveries
                .Where(d => d.Status != WebhookDeliveryStatus.Pending && d.CreatedAt < cutoff && (d.LastAttemptAt ?? d.CreatedAt) < cutoff)
                .OrderBy(d => d.CreatedAt)
                .Select(d => d.Id)
                .Take(batchSize);
            deleted = await db.WebhookDeliveries.Where(d => batch.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == batchSize);

        return total;
    }
}
