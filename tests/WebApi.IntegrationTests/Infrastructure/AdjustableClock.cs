namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The app's clock under a test's control: the real time plus an offset the test moves forward, so days pass in an
/// instant while timers and timeouts keep running in real time.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Back to the real time, as at the start of a test.</summary>
    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
