using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders;

/// <summary>
/// The person the order is for. Personal data: never shown on public tracking, nor to a courier before it claims the
/// order. <see cref="Language"/> and <see cref="TimeZone"/> say how the customer's e-mails write dates and times;
/// without them the merchant's choice applies.
/// </summary>
public sealed record Customer(string Name, string Phone, string? Email, string? Language = null, string? TimeZone = null)
{
    public const int MaxNameLength = 200;
    public const int MaxPhoneLength = 32;
    public const int MaxEmailLength = 254;

    public string Name { get; init; } = Text.Required(Name, MaxNameLength, nameof(Name));
    public string Phone { get; init; } = Text.Required(Phone, MaxPhoneLength, nameof(Phone));
    public string? Email { get; init; } = Text.Optional(Email, MaxEmailLength, nameof(Email));

    public string? Language { get; init; } = Language is null || Locale.IsLanguage(Language) ? Language : throw new DomainValidationException(nameof(Language), Locale.LanguageMessage);

    public string? TimeZone { get; init; } = TimeZone is null || Locale.IsTimeZone(TimeZone) ? TimeZone : throw new DomainValidationException(nameof(TimeZone), Locale.TimeZoneMessage);

    /// <summary>The customer's own locale where the order carries it, each part falling back to <paramref name="fallback"/>.</summary>
    public Locale LocaleOr(Locale fallback) => new(Language ?? fallback.Language, TimeZone ?? fallback.TimeZone);
}
