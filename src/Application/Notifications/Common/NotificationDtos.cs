using OrderTracking.Application.Tracking;
using OrderTracking.Domain.Notifications;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Notifications.Common;

/// <summary>What a merchant's customers are e-mailed about, and how the e-mails look.</summary>
public sealed record NotificationSettingsDto
{
    public required Guid MerchantId { get; init; }

    /// <summary>The merchant's switch: no e-mail is sent while it is off (the default).</summary>
    public required bool Enabled { get; init; }

    /// <summary>The status changes that send an e-mail.</summary>
    public required IReadOnlyList<OrderStatus> Events { get; init; }

    /// <summary>Every status change a customer can be e-mailed about, in the order they usually happen, with its e-mail's name.</summary>
    public required IReadOnlyList<NotificationEventDto> AvailableEvents { get; init; }

    /// <summary>The From name; null for <see cref="DefaultSenderName"/>.</summary>
    public string? SenderName { get; init; }

    /// <summary>Where replies go; null for <see cref="DefaultReplyTo"/>.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>The business name, used when <see cref="SenderName"/> is not set.</summary>
    public required string DefaultSenderName { get; init; }

    /// <summary>The business's public e-mail, used when <see cref="ReplyTo"/> is not set.</summary>
    public string? DefaultReplyTo { get; init; }

    /// <summary><c>#rrggbb</c>; null for the product's own colour.</summary>
    public string? AccentColour { get; init; }

    /// <summary>An https image at the top of every e-mail; optional.</summary>
    public string? LogoUrl { get; init; }

    /// <summary>Dates are written in this language (BCP 47 tag) for customers whose order names none.</summary>
    public required string Language { get; init; }

    /// <summary>Times are on this clock (IANA zone) for customers whose order names none.</summary>
    public required string TimeZone { get; init; }

    /// <summary>An admin paused this merchant's sending: nothing is sent until an admin resumes it.</summary>
    public required bool Paused { get; init; }

    public DateTimeOffset? PausedAt { get; init; }
    public string? PauseReason { get; init; }

    /// <summary>Whether this server has a mail server to send through; without one nothing is sent.</summary>
    public required bool SendingConfigured { get; init; }
}

/// <summary>A status change customers can be e-mailed about, and what the e-mail calls it (the tracking page's words).</summary>
public sealed record NotificationEventDto(OrderStatus Status, string Label);

/// <summary>A customer e-mail as the preview shows it: exactly what would be sent, with sample data.</summary>
public sealed record EmailPreviewDto(string Subject, string Text, string Html, string SenderName, string? ReplyTo);

/// <summary>Where a test e-mail went (masked), once it is queued.</summary>
public sealed record TestEmailDto(string SentTo);

/// <summary>One e-mail about an order, for the order page: what it announced, what became of it, to whom (masked).</summary>
public sealed record OrderEmailDto
{
    public required Guid Id { get; init; }

    /// <summary>The status the e-mail announced.</summary>
    public required OrderStatus Event { get; init; }

    /// <summary>The status in the customer's words, as the e-mail put it ("Out for delivery").</summary>
    public required string EventLabel { get; init; }

    public required EmailNotificationStatus Status { get; init; }

    /// <summary>The address, masked (<c>a•••@example.org</c>).</summary>
    public required string Recipient { get; init; }

    public required string Subject { get; init; }
    public required int AttemptCount { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>Why it failed or was not sent.</summary>
    public string? Problem { get; init; }
}

/// <summary>What an unsubscribe link stops, as the page shows it before and after the customer confirms.</summary>
public sealed record UnsubscribeDto
{
    public required string MerchantName { get; init; }

    /// <summary>The order's tracking code when the link is about one order; null when it stops every e-mail of the merchant.</summary>
    public string? TrackingCode { get; init; }

    /// <summary>The address, masked.</summary>
    public required string Address { get; init; }
}

public static class NotificationMapping
{
    public static NotificationSettingsDto ToDto(this NotificationSettings settings, MerchantSender sender, bool sendingConfigured) => new()
    {
        MerchantId = settings.MerchantId,
        Enabled = settings.IsEnabled,
        Events = settings.Events,
        AvailableEvents = NotificationSettings.NotifiableStatuses.Select(s => new NotificationEventDto(s, CustomerWording.Label(s))).ToList(),
        SenderName = settings.SenderName,
        ReplyTo = settings.ReplyTo,
        DefaultSenderName = sender.BusinessName,
        DefaultReplyTo = sender.Email,
        AccentColour = settings.AccentColour,
        LogoUrl = settings.LogoUrl,
        Language = settings.Language,
        TimeZone = settings.TimeZone,
        Paused = settings.IsPaused,
        PausedAt = settings.PausedAt,
        PauseReason = settings.PauseReason,
        SendingConfigured = sendingConfigured,
    };

    public static OrderEmailDto ToDto(this EmailNotification email) => new()
    {
        Id = email.Id,
        Event = email.Event,
        EventLabel = CustomerWording.Label(email.Event),
        Status = email.Status,
        Recipient = email.RecipientMasked,
        Subject = email.Subject,
        AttemptCount = email.AttemptCount,
        CreatedAt = email.CreatedAt,
        SentAt = email.SentAt,
        LastAttemptAt = email.LastAttemptAt,
        Problem = email.Status is EmailNotificationStatus.Sent or EmailNotificationStatus.Superseded ? null : email.LastError,
    };
}
