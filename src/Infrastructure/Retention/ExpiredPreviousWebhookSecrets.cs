using Microsoft.EntityFrameworkCore;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Retention;

/// <summary>
/// Clears a webhook endpoint's previous signing secret, and its expiry, once the rotation overlap has ended: it no
/// longer signs anything, so it is not kept.
/// </summary>
public sealed class ExpiredPreviousWebhookSecrets(AppDbContext db, TimeProvider timeProvider) : IRetentionRule
{
    public Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return db.WebhookEndpoints
            .Where(e => e.PreviousSecretExpiresAt <= now)
            .ExecuteUpdateAsync(
                set => set.SetProperty(e => e.ProtectedPreviousSecret, (string?)null).SetProperty(e => e.PreviousSecretExpiresAt, (DateTimeOffset?)null),
                cancellationToken);
    }
}
