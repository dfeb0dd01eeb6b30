namespace OrderTracking.Infrastructure.Retention;

/// <summary>The <c>Retention</c> configuration section: how often the retention job runs and how long kept data lives.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>How often every rule runs (and once at startup).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a finished (delivered or failed) webhook delivery stays in the delivery log; it holds a whole order.</summary>
    public int WebhookDeliveryDays { get; set; } = 30;

    /// <summary>Rows one statement deletes at most, so a large backlog is worked off in short statements.</summary>
    public int BatchSize { get; set; } = 1000;
}
