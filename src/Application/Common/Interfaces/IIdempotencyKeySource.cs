using OrderTracking.Application.Common.Idempotency;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>The <c>Idempotency-Key</c> the current request came with, if any, and whether its answer was a replay.</summary>
public interface IIdempotencyKeySource
{
    IdempotencyKey? Key { get; }

    /// <summary>The command was not run: its result is the stored result of the first request with the key.</summary>
    void Replayed();
}
