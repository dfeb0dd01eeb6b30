namespace OrderTracking.Infrastructure.Notifications;

/// <summary>The <c>Smtp</c> configuration section: the mail server customers' e-mails go through. No host, no e-mail.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    /// <summary>The mail server's host name; empty turns e-mail off (nothing is planned or sent).</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>StartTls</c> (upgrade to TLS and refuse a server that cannot), <c>SslOnConnect</c> (TLS from the first byte,
    /// usually port 465), <c>StartTlsWhenAvailable</c>, or <c>None</c> (a local mail catcher only).
    /// </summary>
    public SmtpTlsMode TlsMode { get; set; } = SmtpTlsMode.StartTls;

    /// <summary>Sign-in name at the mail server; empty for none.</summary>
    public string? User { get; set; }

    /// <summary>Never logged or shown.</summary>
    public string? Password { get; set; }

    /// <summary>The address e-mails come from (the merchant's sender name is shown with it); the domain should be yours, with SPF and DKIM set up for the mail server.</summary>
    public string? FromAddress { get; set; }

    /// <summary>How long one send (connect, sign in, hand over) may take before it counts as a temporary failure.</summary>
    public double TimeoutSeconds { get; set; } = 30;
}

public enum SmtpTlsMode
{
    None,
    StartTls,
    StartTlsWhenAvailable,
    SslOnConnect,
}
