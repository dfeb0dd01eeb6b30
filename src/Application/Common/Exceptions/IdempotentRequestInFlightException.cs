namespace OrderTracking.Application.Common.Exceptions;

/// <summary>The first request with this idempotency key is still running after the in-flight wait (answered 409).</summary>
public sealed class IdempotentRequestInFlightException()
    : Exception("A request with this Idempotency-Key is still being processed. Retry in a moment.");
