using System.Collections.Concurrent;
using System.Threading.Channels;

namespace OrderTracking.Infrastructure.Outbox;

/// <summary>
/// Wakes this instance's <see cref="OutboxDispatcher"/>, and remembers which outbox rows this instance committed.
/// The instance that wrote an event dispatches it: its live messages then reach its own clients even while the
/// SignalR backplane (Redis) is away. Another instance takes a row over only once it is
/// <see cref="OutboxOptions.TakeoverDelay"/> old (the writer crashed or is stuck), when woken by NOTIFY or by its
/// sweep. Wakes while the dispatcher is busy fold into one more pass.
/// </summary>
public sealed class OutboxSignal(TimeProvider timeProvider)
{
    private readonly Channel<bool> _wakes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _writtenHere = new();
    private int _takeoverWakePending;

    public void Wake() => _wakes.Writer.TryWrite(true);

    /// <summary>This instance committed these rows: its dispatcher may claim them at once.</summary>
    public void Committed(IEnumerable<Guid> messageIds)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var id in messageIds)
        {
            _writtenHere[id] = now;
        }

        Wake();
    }

    /// <summary>
    /// The rows this instance committed and has not claimed yet, younger than <paramref name="takeoverDelay"/> (older
    /// ones any instance may claim, so there is nothing left to remember about them).
    /// </summary>
    public Guid[] WrittenHere(TimeSpan takeoverDelay)
    {
        var oldest = timeProvider.GetUtcNow() - takeoverDelay;
        foreach (var (id, at) in _writtenHere)
        {
            if (at < oldest)
            {
                _writtenHere.TryRemove(id, out _);
            }
        }

        return [.. _writtenHere.Keys];
    }

    public void Claimed(IEnumerable<Guid> messageIds)
    {
        foreach (var id in messageIds)
        {
            _writtenHere.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// Another commit was heard through NOTIFY: look again once its rows may be taken over. At most one such wake
    /// is pending, so a busy system costs one extra pass per delay, not one per write.
    /// </summary>
    public void WakeForTakeover(TimeSpan takeoverDelay)
    {
        if (Interlocked.CompareExchange(ref _takeoverWakePending, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Delay(takeoverDelay, timeProvider).ContinueWith(
            _ =>
            {
                Volatile.Write(ref _takeoverWakePending, 0);
                Wake();
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
    }

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
