using System.Globalization;

namespace OrderTracking.Domain.Common;

/// <summary>
/// How a person reads dates and times: a language tag (BCP 47, such as <c>de-DE</c>) for the names of days and
/// months and the order of the parts, and an IANA time zone (such as <c>Europe/Berlin</c>) for the clock.
/// </summary>
public sealed record Locale
{
    public const int MaxLanguageLength = 35;
    public const int MaxTimeZoneLength = 64;

    public static Locale Default { get; } = new("en", "UTC");

    public Locale(string language, string timeZone)
    {
        Language = IsLanguage(language) ? language : throw new DomainValidationException(nameof(Language), LanguageMessage);
        TimeZone = IsTimeZone(timeZone) ? timeZone : throw new DomainValidationException(nameof(TimeZone), TimeZoneMessage);
    }

    public const string LanguageMessage = "Choose a language by its tag, such as en, en-GB or de-DE.";
    public const string TimeZoneMessage = "Choose a time zone by its IANA name, such as Europe/Berlin or America/New_York.";

    public string Language { get; }
    public string TimeZone { get; }

    public CultureInfo Culture => CultureInfo.GetCultureInfo(Language, predefinedOnly: true);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>A culture the runtime knows (not one it would invent for any well-formed tag).</summary>
    public static bool IsLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language) || language.Length > MaxLanguageLength || language.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            return false;
        }

        try
        {
            return CultureInfo.GetCultureInfo(language, predefinedOnly: true) is { Name.Length: > 0 };
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// <summary>An IANA zone name the runtime's time zone data knows, spelt exactly (no Windows ids, no offsets).</summary>
    public static bool IsTimeZone(string? timeZone) =>
        !string.IsNullOrWhiteSpace(timeZone) && timeZone.Length <= MaxTimeZoneLength
        && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) && zone.HasIanaId && zone.Id == timeZone;
}
