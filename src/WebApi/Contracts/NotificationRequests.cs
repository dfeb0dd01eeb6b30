using OrderTracking.Domain.Orders;

namespace OrderTracking.WebApi.Contracts;

/// <summary>What the merchant's customers are e-mailed about, and how the e-mails look.</summary>
/// <param name="Enabled">Turn customer e-mails on or off.</param>
/// <param name="Events">The status changes that send an e-mail: Confirmed, InTransit, Delivered, DeliveryFailed, Returned, Cancelled.</param>
/// <param name="SenderName">The From name; leave it empty for the business name.</param>
/// <param name="ReplyTo">Where customers' replies go; leave it empty for the business's public e-mail.</param>
/// <param name="AccentColour">#rrggbb for the e-mail's bar and button; empty for the product's colour.</param>
/// <param name="LogoUrl">An https image shown at the top; optional.</param>
/// <param name="Language">Dates are written in this language (such as en-GB) for customers whose order names none; left out, it stays as it is.</param>
/// <param name="TimeZone">Times are on this clock (such as Europe/London) for customers whose order names none; left out, it stays as it is.</param>
public sealed record NotificationSettingsRequest(
    bool? Enabled, IReadOnlyList<OrderStatus>? Events, string? SenderName, string? ReplyTo, string? AccentColour, string? LogoUrl, string? Language, string? TimeZone);

/// <summary>An admin pauses or resumes a merchant's customer e-mails.</summary>
/// <param name="Paused">True stops every e-mail (those waiting too) until an admin sets it false.</param>
/// <param name="Reason">Why, for the merchant and other admins.</param>
public sealed record PauseNotificationsRequest(bool? Paused, string? Reason);

/// <summary>Which e-mail to preview, with the look being edited (not yet saved).</summary>
/// <param name="Event">The status change whose e-mail to show.</param>
/// <param name="SenderName">As in the settings.</param>
/// <param name="ReplyTo">As in the settings.</param>
/// <param name="AccentColour">As in the settings.</param>
/// <param name="LogoUrl">As in the settings.</param>
/// <param name="Language">As in the settings; left out, the saved one.</param>
/// <param name="TimeZone">As in the settings; left out, the saved one.</param>
public sealed record EmailPreviewRequest(
    OrderStatus? Event, string? SenderName, string? ReplyTo, string? AccentColour, string? LogoUrl, string? Language, string? TimeZone);

/// <summary>Which e-mail to send to the merchant's own address as a test.</summary>
/// <param name="Event">The status change whose e-mail to send, with sample data.</param>
public sealed record TestEmailRequest(OrderStatus? Event);
