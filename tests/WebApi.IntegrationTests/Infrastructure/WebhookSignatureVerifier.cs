using System.Security.Cryptography;
using System.Text;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

// The C# verification sample of the README's "Webhooks" section, verbatim, so the sample is known to work.
public static class WebhookSignatureVerifier
{
    public static bool IsValid(string body, string signatureHeader, string secret, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        var parts = signatureHeader.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToList();
        var t = parts.FirstOrDefault(p => p[0] == "t")?[1];
        if (t is null || !long.TryParse(t, out var unixSeconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).Duration() > (tolerance ?? TimeSpan.FromMinutes(5)))
        {
            return false; // missing or stale timestamp: possibly a replay
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return parts.Where(p => p[0] == "v1").Any(p =>
        {
            try
            {
                return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(p[1]));
            }
            catch (FormatException)
            {
                return false;
            }
        });
    }
}
