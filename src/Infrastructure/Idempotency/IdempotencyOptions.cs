namespace OrderTracking.Infrastructure.Idempotency;

/// <summary>The <c>Idempotency</c> configuration section.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>How long a key replays its first response.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}
