using System.Globalization;

namespace OrderTracking.Domain.Common;

/// <summary>
/// The one currency rule: an ISO 4217 code, three upper-case letters that the runtime's ISO data knows. The order
/// holds it as an invariant; validators ask it too, so that a bad code is reported with every other bad field.
/// </summary>
public static class CurrencyCode
{
    /// <summary>ISO 4217 codes are three letters.</summary>
    public const int Length = 3;

    private static readonly Lazy<HashSet<string>> Known = new(ReadIsoList);

    /// <summary>A three-letter upper-case code that the runtime's ISO 4217 data knows (any such code when that data is absent).</summary>
    public static bool IsIso4217(string? code) =>
        code is { Length: Length } && code.All(char.IsAsciiLetterUpper) && (Known.Value.Count == 0 || Known.Value.Contains(code));

    private static HashSet<string> ReadIsoList()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try
            {
                var code = new RegionInfo(culture.Name).ISOCurrencySymbol;
                if (code.Length == Length)
                {
                    codes.Add(code);
                }
            }
            catch (ArgumentException)
            {
                // A culture without a region of its own names no currency.
            }
        }

        return codes;
    }
}
