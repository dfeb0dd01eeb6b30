namespace OrderTracking.Infrastructure.Idempotency;

/// <summary>
/// The database failed after an idempotent request's work had run, while its response was being stored or
/// committed. Not one EF Core's execution strategy retries (the work must not run twice in one request); the
/// cause is the inner exception, and the client's retry with the same key is safe.
/// </summary>
public sealed class IdempotentWorkInterruptedException(Exception inner)
    : Exception("The database failed while an idempotent request was being committed.", inner);
