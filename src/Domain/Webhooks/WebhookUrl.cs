namespace OrderTracking.Domain.Webhooks;

/// <summary>The shape of an acceptable endpoint address. Where it points (SSRF) is checked by <see cref="WebhookAddressRules"/>.</summary>
public static class WebhookUrl
{
    public const int MaxLength = 2000;

    /// <summary>The one port endpoints may use unless the operator allows others: https's own.</summary>
    public const int DefaultPort = 443;

    /// <summary>
    /// Why <paramref name="url"/> cannot be an endpoint address, or null when its shape is fine. The port must be
    /// <see cref="DefaultPort"/> or one of <paramref name="extraPorts"/>, so the sender cannot be used to probe other
    /// services of a host (SSH, databases); <paramref name="anyPort"/> lifts that for development receivers on loopback.
    /// </summary>
    public static string? Problem(string url, bool httpAllowed, IReadOnlyCollection<int> extraPorts, bool anyPort = false)
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

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "The URL must not have a fragment.";
        }

        return anyPort || IsPortAllowed(uri.Port, extraPorts) ? null : PortProblem(extraPorts);
    }

    public static bool IsPortAllowed(int port, IReadOnlyCollection<int> extraPorts) => port == DefaultPort || extraPorts.Contains(port);

    private static string PortProblem(IReadOnlyCollection<int> extraPorts) => extraPorts.Count == 0
        ? $"The URL must use port {DefaultPort} (leave the port out of an https URL)."
        : $"The URL must use port {DefaultPort} or one of: {string.Join(", ", extraPorts.Order())}.";
}
