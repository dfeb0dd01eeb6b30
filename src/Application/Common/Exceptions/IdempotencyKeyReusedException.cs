namespace OrderTracking.Application.Common.Exceptions;

/// <summary>The caller used an idempotency key again with a different request (answered 422; nothing is done).</summary>
public sealed class IdempotencyKeyReusedException()
    : Exception("This Idempotency-Key was already used with a different request. Use a new key for a new request.");
