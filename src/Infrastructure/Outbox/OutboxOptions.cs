namespace OrderTracking.Infrastructure.Outbox;

/// <summary>The <c>Outbox</c> configuration section.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How often each instance looks for due rows besides being woken (commit in process, NOTIFY from others).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long other instances leave a row to the instance that wrote it (<see cref="OutboxSignal"/>); after that any
    /// instance may dispatch it.
    /// </summary>
    public TimeSpan TakeoverDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many rows one dispatch claims at most.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How many aggregates' events a pass handles at once; one aggregate's events always run one after another.</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>The wait after the first failed dispatch of a row; it doubles with each further failure.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>After this many failed dispatches a row is marked failed and left for inspection.</summary>
    public int MaxAttempts { get; set; } = 30;

    /// <summary>How long dispatched rows are kept (for inspection) before they are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often dispatched rows older than <see cref="Retention"/> are deleted.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the NOTIFY listener waits before connecting again after losing its connection.</summary>
    public TimeSpan ListenerReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);
}
