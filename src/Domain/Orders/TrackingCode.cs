using System.Buffers;
using System.Security.Cryptography;

namespace OrderTracking.Domain.Orders;

/// <summary>
/// The code a customer uses to follow an order, such as <c>OT-7F3K9Q2M4X</c>: ten characters of
/// Crockford's base32 (no I, L, O or U, so it reads aloud and types without confusion) drawn from a
/// cryptographic random source, 50 bits in all, so codes cannot be guessed or enumerated.
/// </summary>
public static class TrackingCode
{
    public const string Prefix = "OT-";
    public const int RandomLength = 10;
    public const int Length = 13;

    /// <summary>What a route takes as a code before it is trimmed and checked: room for stray spaces, never a long string.</summary>
    public const int MaxPresentedLength = 64;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly SearchValues<char> AlphabetChars = SearchValues.Create(Alphabet);

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    public static bool IsWellFormed(string? code) =>
        code is { Length: Length }
        && code.StartsWith(Prefix, StringComparison.Ordinal)
        && code.AsSpan(Prefix.Length).IndexOfAnyExcept(AlphabetChars) < 0;

    /// <summary>The fewest random characters a search term needs before it is read as the start of a code.</summary>
    public const int MinSearchPrefixLength = 4;

    /// <summary>
    /// The start of a code that <paramref name="term"/> spells, with or without the <c>OT-</c> prefix and in any case
    /// (<c>7f3k</c> and <c>OT-7F3K</c> both give <c>OT-7F3K</c>), or null when it is not one: fewer than
    /// <see cref="MinSearchPrefixLength"/> random characters (too many codes share a shorter start) or a character
    /// no code has.
    /// </summary>
    public static string? SearchPrefix(string term)
    {
        var upper = term.Trim().ToUpperInvariant();
        var random = upper.StartsWith(Prefix, StringComparison.Ordinal) ? upper[Prefix.Length..] : upper;
        return random.Length is >= MinSearchPrefixLength and <= RandomLength && random.AsSpan().IndexOfAnyExcept(AlphabetChars) < 0
            ? Prefix + random
            : null;
    }
}
