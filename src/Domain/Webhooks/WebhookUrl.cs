namespace OrderTracking.Domain.Webhooks;

/// <summary>The shape of an acceptable endpoint address. Where it points (SSRF) is checked by <see cref="WebhookAddressRules"/>.</summary>
public static class WebhookUrl
{
    public const int MaxLength = 2000;

    /// <summary>Why <paramref name="url"/> cannot be an endpoint address, or null when its shape is fine.</summary>
    public static string? Problem(string url, bool httpAllowed)
    {
        if (url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"The URL must be an absolute http(s) address of at most {MaxLength} characters.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(httpAllowed && uri.Scheme == Uri.UriSchemeHttp))
        {
            return httpAllowed ? "The URL must use https or http." : "The URL must use https.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The URL must not carry a user name or password.";
        }

        return string.IsNullOrEmpty(uri.Fragment) ? null : "The URL must not have a fragment.";
    }
}
