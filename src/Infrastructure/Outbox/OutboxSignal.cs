using System.Threading.Channels;

namespace OrderTracking.Infrastructure.Outbox;

/// <summary>
/// Wakes this instance's <see cref="OutboxDispatcher"/>: after a commit that wrote outbox rows, and when another
/// instance's commit is heard through NOTIFY. Wakes while the dispatcher is busy fold into one more pass.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _wakes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wakes.Writer.TryWrite(true);

    /// <summary>Returns when woken or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _wakes.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The sweep interval passed without a wake: look anyway.
        }
    }
}
