namespace OrderTracking.Domain.Notifications;

/// <summary>
/// An e-mail address as it is shown wherever the full address is not already shown: the first character of the
/// mailbox and the domain (<c>a•••@example.org</c>), enough for the merchant to tell two addresses apart.
/// </summary>
public static class EmailAddressMask
{
    public static string Mask(string address)
    {
        var at = address.LastIndexOf('@');
        return at <= 0 ? "•••" : $"{address[0]}•••{address[at..]}";
    }

    /// <summary>The form addresses are compared in: trimmed, lower case (mailboxes are case-insensitive in practice).</summary>
    public static string Normalize(string address) => address.Trim().ToLowerInvariant();
}
