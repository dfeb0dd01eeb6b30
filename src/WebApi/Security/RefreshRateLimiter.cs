using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Interfaces;

namespace OrderTracking.WebApi.Security;

/// <summary>The refresh buckets the refresh handler names (its session, or a token that names none), <c>RateLimiting:Refresh</c> each.</summary>
public sealed class RefreshRateLimiter(IOptions<RateLimits.Options> options) : IRefreshRateLimiter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _buckets = RateLimits.FixedWindowPerKey(options.Value.Refresh);

    public bool TryAcquire(string bucket, out TimeSpan? retryAfter)
    {
        using var lease = _buckets.AttemptAcquire(bucket);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        return lease.IsAcquired;
    }

    public void Dispose() => _buckets.Dispose();
}
