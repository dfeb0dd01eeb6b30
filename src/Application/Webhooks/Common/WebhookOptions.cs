using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Webhooks.Common;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Lets endpoints point at loopback (127.0.0.0/8, ::1, <c>localhost</c>) and use http: for development and tests only.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Lets endpoints use http rather than https (set for the Development environment).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>How long one attempt may take, connection and answer included.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    public double RetryFirstDelaySeconds { get; set; } = WebhookRetrySchedule.Default.FirstDelay.TotalSeconds;

    public double RetryMaxDelaySeconds { get; set; } = WebhookRetrySchedule.Default.MaxDelay.TotalSeconds;

    /// <summary>How long after it is planned (or resent) a delivery is retried before it is marked failed.</summary>
    public double RetryWindowSeconds { get; set; } = WebhookRetrySchedule.Default.Window.TotalSeconds;

    /// <summary>How often the delivery worker looks for due retries when nothing wakes it.</summary>
    public double PollIntervalSeconds { get; set; } = 5;

    public WebhookRetrySchedule RetrySchedule => new(
        TimeSpan.FromSeconds(RetryFirstDelaySeconds), TimeSpan.FromSeconds(RetryMaxDelaySeconds), TimeSpan.FromSeconds(RetryWindowSeconds));

    public bool HttpAllowed => AllowHttp || AllowLoopback;
}
