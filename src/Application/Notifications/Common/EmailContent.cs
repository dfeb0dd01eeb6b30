namespace OrderTracking.Application.Notifications.Common;

/// <summary>Everything one customer e-mail says, worded and formatted, for the templates to lay out.</summary>
public sealed record EmailContent
{
    public required string Subject { get; init; }

    /// <summary>The line mail clients show after the subject.</summary>
    public required string Preheader { get; init; }

    public required string Headline { get; init; }

    /// <summary>What else the customer should know: the estimate, why an attempt failed and what happens next.</summary>
    public required IReadOnlyList<string> Details { get; init; }

    /// <summary>The status in the tracking page's words.</summary>
    public required string StatusLabel { get; init; }

    public required string TrackingCode { get; init; }
    public required string TrackingUrl { get; init; }
    public required string MerchantName { get; init; }
    public string? MerchantPhone { get; init; }
    public string? MerchantEmail { get; init; }
    public required string ContactHint { get; init; }

    /// <summary><c>#rrggbb</c>, and the text colour readable on it.</summary>
    public required string AccentColour { get; init; }

    public required string AccentTextColour { get; init; }
    public string? LogoUrl { get; init; }

    /// <summary>Stops e-mails about this order; null on a test e-mail to the merchant.</summary>
    public string? UnsubscribeOrderUrl { get; init; }

    /// <summary>Stops every e-mail from this merchant; null on a test e-mail to the merchant.</summary>
    public string? UnsubscribeAllUrl { get; init; }

    /// <summary>A merchant's test or preview, with sample data.</summary>
    public required bool IsTest { get; init; }

    /// <summary>The language tag the dates are written in (the HTML's <c>lang</c>).</summary>
    public required string Language { get; init; }
}
