using System.Security.Cryptography;

namespace OrderTracking.Domain.Webhooks;

/// <summary>
/// The secret an endpoint's deliveries are signed with. Unlike a password it must stay readable, because the sender
/// needs it to sign; it is shown to its owner once, when created or rotated.
/// </summary>
public static class WebhookSigningSecret
{
    public const string Prefix = "whsec_";

    /// <summary>The prefix and 32 random bytes in base64url (43 characters).</summary>
    public const int Length = 49;

    public static string New() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
