using OrderTracking.Application.Common.Idempotency;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// Where the keys of identified commands and their results are kept, for
/// <see cref="Behaviours.TransactionBehaviour{TMessage, TResponse}"/>. Both calls run inside the command's transaction,
/// so the key, the work and the stored result commit or roll back together.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Inserts the key under its unique constraint (never check-then-insert). Owned: this request does the work. A key
    /// already committed by the same caller gives its stored result (same request) or a mismatch (another request).
    /// Throws <see cref="Exceptions.IdempotentRequestInFlightException"/> when the first request with the key has not
    /// committed within the in-flight wait.
    /// </summary>
    Task<IdempotencyClaim<TResult>> ClaimAsync<TResult>(IdempotencyKey key, CancellationToken cancellationToken);

    /// <summary>Stores the result to replay with the key claimed by <see cref="ClaimAsync{TResult}"/>.</summary>
    Task StoreResultAsync<TResult>(IdempotencyKey key, TResult result, CancellationToken cancellationToken);
}
