using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OrderTracking.WebApi.Security;

/// <summary>
/// Refused credentials (API keys and refresh tokens the app looked up and turned down) counted per client address
/// and surface. Made-up credentials would each get a bucket of their own, so they are charged to whoever sends
/// them: once an address has spent its budget, its next credential of that kind gets 429 before any lookup.
/// </summary>
public sealed class CredentialRefusals : IDisposable
{
    private readonly PartitionedRateLimiter<string> _refusals;

    public CredentialRefusals(IOptions<RateLimits.Options> options) => _refusals = RateLimits.FixedWindowPerKey(options.Value.RefusedCredentials);

    /// <summary>Whether <paramref name="address"/> may still present a credential of this kind; takes nothing from the budget.</summary>
    public bool IsSpent(string surface, string address, out TimeSpan? retryAfter)
    {
        using var lease = _refusals.AttemptAcquire(Key(surface, address), 0);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        return !lease.IsAcquired;
    }

    public void Count(string surface, string address)
    {
        using var _ = _refusals.AttemptAcquire(Key(surface, address));
    }

    public void Dispose() => _refusals.Dispose();

    private static string Key(string surface, string address) => surface + "|" + address;
}
