namespace OrderTracking.Infrastructure.Idempotency;

/// <summary>The <c>Idempotency</c> configuration section.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>How long a key replays its first response.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a repeat waits for the first request with its key to finish before it is answered 409.
    /// Short waits let simultaneous retries replay the first response instead of failing.
    /// </summary>
    public TimeSpan InFlightWait { get; set; } = TimeSpan.FromSeconds(5);
}
