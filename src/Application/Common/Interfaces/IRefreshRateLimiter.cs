namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// The refresh budget: a fixed window per bucket (<c>RateLimiting:Refresh</c>), per instance like every other limit.
/// The refresh handler chooses the bucket, because it is the one that reads which session a token belongs to.
/// </summary>
public interface IRefreshRateLimiter
{
    /// <summary>Takes one refresh from <paramref name="bucket"/>; false once it is spent, with when it refills if known.</summary>
    bool TryAcquire(string bucket, out TimeSpan? retryAfter);
}
