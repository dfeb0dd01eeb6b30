namespace OrderTracking.Application.Common.Idempotency;

public enum IdempotencyOutcome
{
    /// <summary>No committed use of the key: this request may do the work, and its result commits with the key.</summary>
    Unused,

    /// <summary>The same request already completed: <see cref="IdempotencyClaim{TResult}.Result"/> is its result.</summary>
    Replay,

    /// <summary>The key was used with another request.</summary>
    Mismatch,
}

/// <summary>What looking up a key found; <see cref="Result"/> is set for a <see cref="IdempotencyOutcome.Replay"/>.</summary>
public sealed record IdempotencyClaim<TResult>(IdempotencyOutcome Outcome, TResult? Result = default);
