using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderTracking.Domain.Webhooks;

/// <summary>
/// The <c>X-OrderTracking-Signature</c> header, in the Stripe style: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>
/// over <c>"&lt;t&gt;.&lt;body&gt;"</c>, keyed with the UTF-8 bytes of the whole secret (<c>whsec_…</c>). During a
/// secret rotation there is one <c>v1</c> per secret; a receiver accepts the request when any of them matches.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-OrderTracking-Signature";

    /// <summary>How old a signed timestamp a receiver should still accept; older requests may be replays.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    public static string Header(IEnumerable<string> secrets, DateTimeOffset timestamp, string body)
    {
        var t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"{t}.{body}");
        var signatures = secrets.Select(secret => "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)));
        return string.Join(',', [$"t={t}", .. signatures]);
    }
}
