using System.Threading.Channels;

namespace OrderTracking.Infrastructure.Background;

/// <summary>
/// Wakes one background worker of this instance at once when it has new work here; other instances find that work
/// on their next poll. Wake-ups while the worker is busy collapse into one.
/// </summary>
public abstract class WakeUpSignal
{
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Returns when woken or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _wakeUps.Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a wake-up: look for work that became due.
        }
    }
}
