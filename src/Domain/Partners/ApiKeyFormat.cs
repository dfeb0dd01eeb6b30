using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace OrderTracking.Domain.Partners;

/// <summary>
/// The shape of a partner API key: <c>otp_&lt;8-character public id&gt;_&lt;secret&gt;</c>, both parts in base62
/// (letters and digits). The public id finds the key; the secret (at least 32 random bytes) proves it.
/// </summary>
public static class ApiKeyFormat
{
    public const string Prefix = "otp_";
    public const int PublicIdLength = 8;

    /// <summary>43 base62 characters carry at least 256 bits.</summary>
    public const int SecretLength = 43;

    public const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly SearchValues<char> Base62Chars = SearchValues.Create(Base62);

    public static string Compose(string publicId, string secret) => $"{Prefix}{publicId}_{secret}";

    public static string PrefixFor(string publicId) => $"{Prefix}{publicId}";

    public static bool TryParse(string? key, [NotNullWhen(true)] out string? publicId, [NotNullWhen(true)] out string? secret)
    {
        publicId = null;
        secret = null;
        if (key is null || key.Length != Prefix.Length + PublicIdLength + 1 + SecretLength || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var id = key.AsSpan(Prefix.Length, PublicIdLength);
        var rest = key.AsSpan(Prefix.Length + PublicIdLength);
        if (rest[0] != '_' || id.ContainsAnyExcept(Base62Chars) || rest[1..].ContainsAnyExcept(Base62Chars))
        {
            return false;
        }

        publicId = id.ToString();
        secret = rest[1..].ToString();
        return true;
    }
}
