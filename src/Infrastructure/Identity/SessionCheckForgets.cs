namespace OrderTracking.Infrastructure.Identity;

/// <summary>
/// Counts what this instance's <see cref="UserSessionCheck"/> has forgotten (a sign-out, a deactivation): a read that
/// was under way when something was forgotten may have read the state before the change committed, so it keeps none
/// of what it read. Forgets are rare, so such a read only costs the next request a query.
/// </summary>
public sealed class SessionCheckForgets
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}
