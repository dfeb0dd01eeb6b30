using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Notifications.Common;

/// <summary>The <c>Notifications</c> configuration section: customers' e-mails, how they are planned, limited and kept.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>
    /// The address customers reach the product at, such as <c>https://track.example.com</c>: e-mails link to
    /// <c>{PublicBaseUrl}/track/{code}</c> and unsubscribe there. Required once e-mails can be sent.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// How long an e-mail waits before it is sent, so a burst of changes of one order ends in one e-mail about the
    /// latest of them (each new one supersedes those still waiting).
    /// </summary>
    public double CoalesceSeconds { get; set; } = 10;

    /// <summary>At most this many e-mails to one address in any hour; more wait (and the latest of an order supersedes the rest).</summary>
    public int PerRecipientPerHour { get; set; } = 10;

    /// <summary>At most this many e-mails of one merchant in any minute; more wait their turn.</summary>
    public int PerMerchantPerMinute { get; set; } = 120;

    /// <summary>E-mails being sent at once by one instance; each merchant has at most two of them.</summary>
    public int Parallelism { get; set; } = 4;

    public double RetryFirstDelaySeconds { get; set; } = 30;

    public double RetryMaxDelaySeconds { get; set; } = 3600;

    /// <summary>How long after it is planned an e-mail that meets temporary failures (4xx, no connection) is tried before it is marked failed.</summary>
    public double RetryWindowSeconds { get; set; } = TimeSpan.FromDays(2).TotalSeconds;

    /// <summary>How often the sender looks for e-mails that became due when nothing wakes it.</summary>
    public double PollIntervalSeconds { get; set; } = 5;

    /// <summary>How long an unsubscribe link in an e-mail keeps working.</summary>
    public int UnsubscribeLinkDays { get; set; } = 90;

    /// <summary>After this many days the subject stays but the e-mail's bodies are erased.</summary>
    public int BodyRetentionDays { get; set; } = 30;

    /// <summary>After this many days the record of an e-mail (the line on the order page) is deleted.</summary>
    public int RecordRetentionDays { get; set; } = 365;

    public WebhookRetrySchedule RetrySchedule => new(
        TimeSpan.FromSeconds(RetryFirstDelaySeconds), TimeSpan.FromSeconds(RetryMaxDelaySeconds), TimeSpan.FromSeconds(RetryWindowSeconds));

    public TimeSpan CoalesceDelay => TimeSpan.FromSeconds(CoalesceSeconds);
}
