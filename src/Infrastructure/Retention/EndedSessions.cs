using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Retention;

/// <summary>
/// Deletes session families past their absolute expiry, revoked or not, with every refresh token of theirs. Until
/// then a family is kept even when revoked: its spent tokens are how a replayed token is recognised, and its row is
/// what an access token's session id is checked against. An access token whose family is gone counts as signed out.
/// </summary>
public sealed class EndedSessions(AppDbContext db, IOptions<RetentionOptions> options, TimeProvider timeProvider) : IRetentionRule
{
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var batchSize = options.Value.BatchSize;
        var total = 0;
        int families;
        do
        {
            var expired = await db.SessionFamilies.Where(f => f.ExpiresAt < now).OrderBy(f => f.ExpiresAt).Select(f => f.Id).Take(batchSize).ToListAsync(cancellationToken);
            total += await db.RefreshTokens.Where(t => expired.Contains(t.FamilyId)).ExecuteDeleteAsync(cancellationToken);
            families = await db.SessionFamilies.Where(f => expired.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
            total += families;
        }
        while (families == batchSize);

        return total;
    }
}
