namespace OrderTracking.Domain.Common;

/// <summary>Rules for text: present when required, never longer than its limit, no control characters but line breaks and tabs.</summary>
public static class Text
{
    public const string ControlCharactersMessage = "Control characters other than tab, carriage return and line feed are not allowed.";

    /// <summary>
    /// Whether <paramref name="value"/> holds a control character other than tab, CR and LF. PostgreSQL refuses
    /// NUL in text outright, and the others have no business in names, addresses or notes.
    /// </summary>
    public static bool HasControlCharacters(string value) => value.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));

    public static string Required(string? value, int maxLength, string propertyName) =>
        string.IsNullOrWhiteSpace(value) || value.Length > maxLength
            ? throw new DomainValidationException(propertyName, $"{propertyName} is required and at most {maxLength} characters.")
            : value;

    public static string? Optional(string? value, int maxLength, string propertyName) =>
        value is { Length: var length } && length > maxLength
            ? throw new DomainValidationException(propertyName, $"{propertyName} is at most {maxLength} characters.")
            : value;
}
