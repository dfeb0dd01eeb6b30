using OrderTracking.Infrastructure.Idempotency;

namespace OrderTracking.Infrastructure.Retention;

/// <summary>Deletes idempotency keys (and the responses they replay) older than <see cref="IdempotencyOptions.Retention"/>.</summary>
public sealed class ExpiredIdempotencyKeys(IdempotencyStore store) : IRetentionRule
{
    public Task<int> ApplyAsync(CancellationToken cancellationToken) => store.PruneAsync(cancellationToken);
}
