using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace OrderTracking.WebApi.Contracts;

/// <summary>An order's <c>version</c> as an HTTP entity tag, and back from <c>If-Match</c>.</summary>
public static class ETag
{
    /// <summary>Room for a quoted 32-bit version with a weak prefix, or a short list of them; anything longer is not ours.</summary>
    public const int MaxLength = 64;

    public static string For(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version named by an <c>If-Match</c> header: null when absent or <c>*</c>; 0 (never a real xmin) when unreadable, so it fails as stale.</summary>
    public static uint? ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        return EntityTagHeaderValue.TryParse(header.Trim(), out var tag)
            && uint.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : 0;
    }
}
