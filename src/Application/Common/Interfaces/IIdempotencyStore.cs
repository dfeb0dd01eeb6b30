using OrderTracking.Application.Common.Idempotency;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// Where the keys of identified commands and their results are kept, for
/// <see cref="Behaviours.TransactionBehaviour{TMessage, TResponse}"/>. A key is written in the same batch as the work
/// and its result, under the key's unique constraint: never check-then-insert.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Adds the key, the request's fingerprint and the command's <paramref name="result"/> to the unit of work, to be
    /// saved in the command's one batch. Of two requests with one key only one batch can commit; the other fails on the
    /// key and nothing of it is kept.
    /// </summary>
    void Keep<TResult>(IdempotencyKey key, TResult result);

    /// <summary>
    /// What a committed earlier use of the key left: its result, when it came with the same request (replay); a
    /// mismatch, when with another; unused, when there is none. A use older than the retention is deleted here and
    /// counts as unused.
    /// </summary>
    Task<IdempotencyClaim<TResult>> FindAsync<TResult>(IdempotencyKey key, CancellationToken cancellationToken);
}
