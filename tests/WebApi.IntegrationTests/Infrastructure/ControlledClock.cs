namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The application's clock, set by the test: <see cref="GetUtcNow"/> answers the instant set last (the system's time
/// until one is set), so orders are created and moved at chosen instants through the API. Timers keep running on the
/// system's clock, so background services go on as usual. Sign in before setting it: access tokens are checked against
/// the system's clock.
/// </summary>
public sealed class ControlledClock : TimeProvider
{
    private long _utcTicks;

    public void Set(DateTimeOffset at) => Interlocked.Exchange(ref _utcTicks, at.UtcTicks);

    public override DateTimeOffset GetUtcNow() =>
        Interlocked.Read(ref _utcTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : base.GetUtcNow();
}
