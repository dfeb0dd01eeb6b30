using System.Text.RegularExpressions;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Domain.Notifications;

/// <summary>
/// What a merchant's customers are e-mailed about and how the e-mails look: which status changes send one, the sender
/// name and reply-to address, an accent colour and logo, and the language and time zone for customers whose order
/// carries none. Off until the merchant turns it on; an admin can pause a merchant's sending whatever it chose. The
/// accent colour and logo are the merchant's brand wherever its customers see it: the e-mails and the tracking view.
/// One per merchant, keyed by the merchant's user id; a merchant without one has <see cref="Defaults"/>.
/// </summary>
public sealed partial class NotificationSettings
{
    public const int MaxSenderNameLength = 100;
    public const int MaxReplyToLength = Customer.MaxEmailLength;
    public const int MaxLogoUrlLength = 500;
    /// <summary>An accent colour is <c>#rrggbb</c>: seven characters.</summary>
    public const int AccentColourLength = 7;
    public const int MaxPauseReasonLength = 500;

    /// <summary>The status changes a customer can be e-mailed about, in the order they usually happen.</summary>
    public static IReadOnlyList<OrderStatus> NotifiableStatuses { get; } =
        [OrderStatus.Confirmed, OrderStatus.InTransit, OrderStatus.Delivered, OrderStatus.DeliveryFailed, OrderStatus.Returned, OrderStatus.Cancelled];

    private List<OrderStatus> _events = [];

    private NotificationSettings()
    {
        Language = Locale.Default.Language;
        TimeZone = Locale.Default.TimeZone;
    }

    public Guid MerchantId { get; private set; }

    /// <summary>The merchant's own switch: nothing is sent while it is off.</summary>
    public bool IsEnabled { get; private set; }

    /// <summary>The status changes that send an e-mail, in <see cref="NotifiableStatuses"/> order.</summary>
    public IReadOnlyList<OrderStatus> Events => _events;

    /// <summary>The From name; null for the business name.</summary>
    public string? SenderName { get; private set; }

    /// <summary>Where customers' replies go; null for the business's public e-mail.</summary>
    public string? ReplyTo { get; private set; }

    /// <summary><c>#rrggbb</c>; null for the product's own colour.</summary>
    public string? AccentColour { get; private set; }

    /// <summary>An https image shown at the top; optional, and the e-mail reads the same when a mail client blocks it.</summary>
    public string? LogoUrl { get; private set; }

    /// <summary>For customers whose order names no language.</summary>
    public string Language { get; private set; }

    /// <summary>For customers whose order names no time zone.</summary>
    public string TimeZone { get; private set; }

    /// <summary>An admin stopped this merchant's sending (complaints, abuse); only an admin resumes it.</summary>
    public bool IsPaused { get; private set; }

    public DateTimeOffset? PausedAt { get; private set; }
    public string? PauseReason { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public Locale Locale => new(Language, TimeZone);

    /// <summary>What a merchant that never saved its settings has: off, every event chosen for when it is turned on.</summary>
    public static NotificationSettings Defaults(Guid merchantId, DateTimeOffset now) => new()
    {
        MerchantId = merchantId,
        _events = [.. NotifiableStatuses],
        UpdatedAt = now,
    };

    /// <summary>Whether a change to <paramref name="status"/> e-mails this merchant's customers now.</summary>
    public bool Sends(OrderStatus status) => IsEnabled && !IsPaused && _events.Contains(status);

    /// <summary>Replaces what the merchant controls; the admin's pause stays as it is.</summary>
    public void Update(bool isEnabled, IReadOnlyCollection<OrderStatus> events, string? senderName, string? replyTo, string? accentColour, string? logoUrl, Locale locale, DateTimeOffset now)
    {
        if (events.Where(e => !NotifiableStatuses.Contains(e)).Select(e => (OrderStatus?)e).FirstOrDefault() is { } refused)
        {
            throw new DomainValidationException(nameof(Events), $"Customers are not e-mailed about {refused}; choose from {string.Join(", ", NotifiableStatuses)}.");
        }

        var colour = Blank(accentColour);
        if (colour is not null && !HexColour().IsMatch(colour))
        {
            throw new DomainValidationException(nameof(AccentColour), AccentColourMessage);
        }

        var logo = Blank(logoUrl);
        if (logo is not null && !IsLogoUrl(logo))
        {
            throw new DomainValidationException(nameof(LogoUrl), LogoUrlMessage);
        }

        IsEnabled = isEnabled;
        _events = NotifiableStatuses.Where(events.Contains).ToList();
        SenderName = Text.Optional(Blank(senderName), MaxSenderNameLength, nameof(SenderName));
        ReplyTo = Text.Optional(Blank(replyTo), MaxReplyToLength, nameof(ReplyTo));
        AccentColour = colour?.ToLowerInvariant();
        LogoUrl = logo;
        Language = locale.Language;
        TimeZone = locale.TimeZone;
        UpdatedAt = now;
    }

    /// <summary>An admin stops the merchant's sending; e-mails waiting to go out are withheld.</summary>
    public void Pause(string? reason, DateTimeOffset now)
    {
        IsPaused = true;
        PausedAt = now;
        PauseReason = Text.Optional(Blank(reason), MaxPauseReasonLength, nameof(PauseReason));
        UpdatedAt = now;
    }

    public void Resume(DateTimeOffset now)
    {
        IsPaused = false;
        PausedAt = null;
        PauseReason = null;
        UpdatedAt = now;
    }

    public const string AccentColourMessage = "Give the accent colour as #rrggbb, such as #0a7d5a.";
    public const string LogoUrlMessage = "Give the logo as an https address of an image, such as https://shop.example.com/logo.png.";

    /// <summary>An absolute https URL without credentials: mail clients load nothing else, and a password must not ride along in every e-mail.</summary>
    public static bool IsLogoUrl(string? value) =>
        value is { Length: > 0 and <= MaxLogoUrlLength }
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.UserInfo) && !Text.HasControlCharacters(value) && !value.Any(char.IsWhiteSpace);

    public static bool IsAccentColour(string? value) => value is not null && HexColour().IsMatch(value);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
