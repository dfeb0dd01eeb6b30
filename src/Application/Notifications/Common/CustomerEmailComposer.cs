using System.Globalization;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Tracking;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Notifications;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Notifications.Common;

/// <summary>
/// Words and renders a customer e-mail: the status in the tracking page's words (<see cref="CustomerWording"/>), what
/// else the customer should know, dates in the customer's language and time zone, the tracking link, the merchant's
/// name, contact and branding, and the unsubscribe links with their signed tokens.
/// </summary>
public sealed class CustomerEmailComposer(IEmailRenderer renderer, IUnsubscribeTokens tokens, IOptions<NotificationOptions> options, TimeProvider timeProvider)
{
    /// <summary>The product's own accent (the web client's primary colour) for merchants that chose none.</summary>
    public const string DefaultAccentColour = "#1d4ed8";

    /// <summary>Where links of a preview point when no public address is configured (a preview is never sent).</summary>
    private const string PreviewBaseUrl = "https://tracking.example.com";

    /// <param name="recipient">Who gets it and what its unsubscribe links stop; null for a merchant's preview or test.</param>
    public RenderedEmail Compose(EmailFacts facts, NotificationSettings settings, Locale locale, UnsubscribeScope? recipient)
    {
        var baseUrl = (options.Value.PublicBaseUrl ?? PreviewBaseUrl).TrimEnd('/');
        var isTest = recipient is null;
        var merchant = facts.Sender.BusinessName;
        var (headline, details) = Describe(facts, locale);
        var label = CustomerWording.Label(facts.Event);
        var accent = settings.AccentColour ?? DefaultAccentColour;
        var subject = $"{(isTest ? "[Test] " : string.Empty)}{label}: your order from {merchant}";

        string? orderLink = null, allLink = null, oneClick = null;
        if (recipient is not null)
        {
            var expires = timeProvider.GetUtcNow().AddDays(options.Value.UnsubscribeLinkDays);
            var orderToken = tokens.Issue(recipient, expires);
            var allToken = tokens.Issue(recipient with { OrderId = null }, expires);
            orderLink = $"{baseUrl}/unsubscribe?token={orderToken}";
            allLink = $"{baseUrl}/unsubscribe?token={allToken}";
            oneClick = $"{baseUrl}/api/unsubscribe?token={allToken}";
        }

        var content = new EmailContent
        {
            Subject = subject,
            Preheader = details.Count > 0 ? details[0] : headline,
            Headline = headline,
            Details = details,
            StatusLabel = label,
            TrackingCode = facts.TrackingCode,
            TrackingUrl = $"{baseUrl}/track/{Uri.EscapeDataString(facts.TrackingCode)}",
            MerchantName = merchant,
            MerchantPhone = facts.Sender.Phone,
            MerchantEmail = facts.Sender.Email,
            ContactHint = CustomerWording.ContactHint(merchant),
            AccentColour = accent,
            AccentTextColour = ReadableTextOn(accent),
            LogoUrl = settings.LogoUrl,
            UnsubscribeOrderUrl = orderLink,
            UnsubscribeAllUrl = allLink,
            IsTest = isTest,
            Language = locale.Language,
        };
        var parts = renderer.Render(content);
        return new RenderedEmail(subject, parts.Text, parts.Html, settings.SenderName ?? merchant, settings.ReplyTo ?? facts.Sender.Email, oneClick);
    }

    /// <summary>The headline and details, as the tracking page's headline words them for the same status.</summary>
    private static (string Headline, IReadOnlyList<string> Details) Describe(EmailFacts facts, Locale locale)
    {
        var sender = facts.Sender.BusinessName;
        var when = DateTime(facts.OccurredAt, locale);
        var day = Date(facts.OccurredAt, locale);
        List<string> estimate = facts.EstimatedDeliveryAt is { } eta ? [$"Estimated delivery: {DateTime(eta, locale)}"] : [];
        return facts.Event switch
        {
            OrderStatus.Confirmed => ("Order confirmed", [$"{sender} confirmed your order on {day} and is getting it ready.", .. estimate]),
            OrderStatus.InTransit => ("Out for delivery", ["Your parcel is on its way to you.", .. estimate]),
            OrderStatus.Delivered => ($"Delivered on {when}", ["Your parcel has been delivered."]),
            OrderStatus.DeliveryFailed => ($"We could not deliver your parcel on {when}",
            [
                CustomerWording.FailureReasons[facts.FailureReason ?? DeliveryFailureReason.Other],
                facts.FailureReason == DeliveryFailureReason.Damaged
                    ? $"{sender} will be in touch about a replacement."
                    : $"The courier will try again, or the parcel will go back to {sender}. You do not need to do anything.",
            ]),
            OrderStatus.Returned => ("Returned to the sender", [$"The parcel went back to {sender} on {day}."]),
            OrderStatus.Cancelled => ("This order was cancelled", [$"{sender} cancelled it on {day}; it will not be delivered."]),
            _ => (CustomerWording.Label(facts.Event), estimate),
        };
    }

    /// <summary>A long date in the reader's language, such as "Tuesday, 3 March 2026" (en-GB) or "Dienstag, 3. März 2026" (de-DE).</summary>
    public static string Date(DateTimeOffset at, Locale locale) => Local(at, locale).ToString("D", locale.Culture);

    /// <summary>The date and the time on the reader's clock, with the offset so nobody wonders which clock.</summary>
    public static string DateTime(DateTimeOffset at, Locale locale)
    {
        var local = Local(at, locale);
        var offset = local.Offset == TimeSpan.Zero
            ? "UTC"
            : $"UTC{(local.Offset < TimeSpan.Zero ? "-" : "+")}{local.Offset.Duration():%h}{(local.Offset.Minutes != 0 ? local.Offset.Duration().ToString("\\:mm", CultureInfo.InvariantCulture) : string.Empty)}";
        return $"{local.ToString("D", locale.Culture)}, {local.ToString("t", locale.Culture)} ({offset})";
    }

    private static DateTimeOffset Local(DateTimeOffset at, Locale locale) => TimeZoneInfo.ConvertTime(at, locale.Zone);

    /// <summary>White or near-black, whichever contrasts more with <paramref name="hex"/> (WCAG relative luminance).</summary>
    public static string ReadableTextOn(string hex)
    {
        static double Channel(int value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var rgb = Convert.ToInt32(hex[1..], 16);
        var luminance = 0.2126 * Channel((rgb >> 16) & 0xff) + 0.7152 * Channel((rgb >> 8) & 0xff) + 0.0722 * Channel(rgb & 0xff);
        var onWhite = 1.05 / (luminance + 0.05);
        var onDark = (luminance + 0.05) / 0.0592;
        return onWhite >= onDark ? "#ffffff" : "#111827";
    }
}
