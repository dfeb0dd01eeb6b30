namespace OrderTracking.Application.Common.Exceptions;

/// <summary>The caller has spent a budget that a handler keeps (a session's refreshes): a 429 with Retry-After.</summary>
public sealed class TooManyRequestsException(TimeSpan? retryAfter) : Exception("Too many requests.")
{
    /// <summary>When the budget refills, if the limiter knows.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
