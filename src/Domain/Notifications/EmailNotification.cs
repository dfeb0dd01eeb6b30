using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Domain.Notifications;

/// <summary>
/// One e-mail to one customer about one event of one order (or a merchant's test e-mail), with the outcome of its
/// latest attempt. Its subject and bodies are rendered when it is planned, so every retry sends the same message and
/// the order page can say exactly what went out. The address is personal data: it is kept for sending and for the
/// per-recipient limits, and shown only masked (<see cref="RecipientMasked"/>).
/// </summary>
public sealed class EmailNotification
{
    public const int MaxErrorLength = 500;
    public const int MaxSubjectLength = 300;

    private EmailNotification()
    {
        Recipient = string.Empty;
        RecipientMasked = string.Empty;
        Subject = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }

    /// <summary>Null for a merchant's test e-mail.</summary>
    public Guid? OrderId { get; private set; }

    /// <summary>The domain event's id: with <see cref="Recipient"/>, what makes an e-mail unique, so an event handled twice plans nothing more.</summary>
    public Guid EventId { get; private set; }

    /// <summary>The status the e-mail announces.</summary>
    public OrderStatus Event { get; private set; }

    public bool IsTest { get; private set; }

    /// <summary>Normalized (<see cref="EmailAddressMask.Normalize"/>).</summary>
    public string Recipient { get; private set; }

    public string RecipientMasked { get; private set; }
    public string Subject { get; private set; }

    /// <summary>Null once the retention rule has erased the bodies.</summary>
    public string? TextBody { get; private set; }

    /// <summary>Null once the retention rule has erased the bodies.</summary>
    public string? HtmlBody { get; private set; }

    public string SenderName { get; private set; } = string.Empty;
    public string? ReplyTo { get; private set; }

    /// <summary>The one-click unsubscribe address (RFC 8058) sent in <c>List-Unsubscribe</c>; null on test e-mails.</summary>
    public string? UnsubscribeUrl { get; private set; }

    public EmailNotificationStatus Status { get; private set; }
    public int AttemptCount { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset RetryUntil { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }

    /// <summary>Why the latest attempt failed or why it was not sent; never holds the address.</summary>
    public string? LastError { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>When the event happened; orders one order's e-mails, so a later event supersedes an earlier one.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// An e-mail to send at <paramref name="sendAt"/> (a short delay lets a burst of changes of one order end in one
    /// e-mail about the latest), retried until <paramref name="retryWindow"/> after it was planned.
    /// </summary>
    public static EmailNotification Plan(
        Guid merchantId, Guid? orderId, Guid eventId, OrderStatus @event, bool isTest, string recipient, RenderedEmail email,
        DateTimeOffset occurredAt, DateTimeOffset sendAt, TimeSpan retryWindow, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MerchantId = merchantId,
        OrderId = orderId,
        EventId = eventId,
        Event = @event,
        IsTest = isTest,
        Recipient = EmailAddressMask.Normalize(recipient),
        RecipientMasked = EmailAddressMask.Mask(EmailAddressMask.Normalize(recipient)),
        Subject = email.Subject.Length > MaxSubjectLength ? email.Subject[..MaxSubjectLength] : email.Subject,
        TextBody = email.Text,
        HtmlBody = email.Html,
        SenderName = email.SenderName,
        ReplyTo = email.ReplyTo,
        UnsubscribeUrl = email.UnsubscribeUrl,
        Status = EmailNotificationStatus.Pending,
        NextAttemptAt = sendAt,
        RetryUntil = now + retryWindow,
        OccurredAt = occurredAt,
        CreatedAt = now,
    };

    public void Sent(DateTimeOffset now)
    {
        LastAttemptAt = now;
        LastError = null;
        Status = EmailNotificationStatus.Sent;
        SentAt = now;
    }

    /// <summary>
    /// The attempt failed. A permanent refusal (5xx) fails the e-mail at once; anything else (4xx, no connection) is
    /// tried again on <paramref name="schedule"/> until the retry window ends. <paramref name="jitter"/> is in [0, 1).
    /// </summary>
    public void AttemptFailed(string error, bool permanent, WebhookRetrySchedule schedule, double jitter, DateTimeOffset now)
    {
        LastAttemptAt = now;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        if (!permanent && schedule.NextAttemptAt(AttemptCount, now, RetryUntil, jitter) is { } next)
        {
            NextAttemptAt = next;
            return;
        }

        Status = EmailNotificationStatus.Failed;
    }

    /// <summary>A later e-mail about the same order to the same address replaces this one before it left.</summary>
    public void Supersede() => Status = EmailNotificationStatus.Superseded;

    /// <summary>Not sent on purpose; <paramref name="reason"/> says why, for the order page.</summary>
    public void Withhold(string reason)
    {
        Status = EmailNotificationStatus.Withheld;
        LastError = reason;
    }
}
