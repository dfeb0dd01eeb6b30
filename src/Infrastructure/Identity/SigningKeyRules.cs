using System.Text;

namespace OrderTracking.Infrastructure.Identity;

/// <summary>
/// Which JWT signing keys startup refuses, in every environment: a short key, a key that has ever been written
/// in this repository (anyone can read it and mint an admin token), and an obvious placeholder.
/// </summary>
public static class SigningKeyRules
{
    public const string HowToMakeOne = "Generate one with: openssl rand -base64 48, and set it as Jwt__SigningKey (the environment or .env).";

    /// <summary>Keys that were committed at some point (example files, settings, tests): public, so never a secret.</summary>
    private static readonly string[] PublishedKeys =
    [
        "development-only-signing-key-never-use-in-production-0123456789",
        "replace-with-the-output-of-openssl-rand-base64-48-xxxxxxxx",
        "replace-with-the-output-of-openssl-rand-base64-48",
        "integration-tests-signing-key-0123456789abcdefghijklmnop",
        "01234567890123456789012345678901",
    ];

    /// <summary>Words a real random key does not contain but a hand-written stand-in does (six letters or more, so chance cannot hit them).</summary>
    private static readonly string[] PlaceholderWords =
    [
        "replace", "changeme", "change-me", "change_me", "example", "secret", "placeholder", "signing", "password", "default",
        "sample", "development", "production", "insecure", "0123456789", "abcdefghij", "qwerty",
    ];

    private const int MinimumDistinctCharacters = 8;
    private const int LongestAllowedRun = 5;

    /// <summary>Why <paramref name="key"/> cannot sign tokens, or null when it can.</summary>
    public static string? Problem(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "Jwt:SigningKey is not set.";
        }

        if (Encoding.UTF8.GetByteCount(key) < JwtOptions.MinimumKeyBytes)
        {
            return $"Jwt:SigningKey is shorter than {JwtOptions.MinimumKeyBytes} bytes.";
        }

        if (PublishedKeys.Contains(key.Trim(), StringComparer.Ordinal))
        {
            return "Jwt:SigningKey is a key published in the repository, so anyone can sign tokens with it.";
        }

        if (PlaceholderWords.FirstOrDefault(word => key.Contains(word, StringComparison.OrdinalIgnoreCase)) is { } word)
        {
            return $"Jwt:SigningKey looks like a placeholder (it contains \"{word}\").";
        }

        if (key.Distinct().Count() < MinimumDistinctCharacters || LongestRun(key) > LongestAllowedRun)
        {
            return "Jwt:SigningKey looks like a placeholder (too few distinct characters or a long run of one character).";
        }

        return null;
    }

    private static int LongestRun(string key)
    {
        var longest = 1;
        var run = 1;
        for (var i = 1; i < key.Length; i++)
        {
            run = key[i] == key[i - 1] ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
