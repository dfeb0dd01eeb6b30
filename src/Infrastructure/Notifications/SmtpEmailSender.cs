using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using OrderTracking.Domain.Notifications;

namespace OrderTracking.Infrastructure.Notifications;

/// <summary>
/// Hands one e-mail to the mail server with MailKit, on a connection of its own (one slow or broken send holds no
/// other), and says what became of it: accepted, refused for good (5xx), or worth another try (4xx, no connection,
/// a timeout). The message carries RFC 8058 one-click unsubscribe headers and a Message-Id derived from the e-mail's
/// id, so a resend after a crash is recognisably the same message.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options)
{
    public async Task<SendOutcome> SendAsync(EmailNotification email, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        try
        {
            using var message = Compose(email, smtp);
            using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds };
            await client.ConnectAsync(smtp.Host!, smtp.Port, SecureSocket(smtp.TlsMode), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return SendOutcome.Sent;
        }
        catch (SmtpCommandException refused)
        {
            var code = (int)refused.StatusCode;
            return new SendOutcome(false, code >= 500, $"The mail server answered {code}: {refused.Message}");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException
            or AuthenticationException or SslHandshakeException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new SendOutcome(false, false, $"Could not reach the mail server: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static MimeMessage Compose(EmailNotification email, SmtpOptions smtp)
    {
        var from = MailboxAddress.Parse(smtp.FromAddress!);
        from.Name = email.SenderName;
        var message = new MimeMessage
        {
            Subject = email.Subject,
            MessageId = $"{email.Id:N}@{from.Domain}",
            Date = email.CreatedAt,
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(email.Recipient));
        if (!string.IsNullOrEmpty(email.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(email.ReplyTo));
        }

        // RFC 3834: an automatic message; vacation responders should not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (email.UnsubscribeUrl is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();
        return message;
    }

    private static SecureSocketOptions SecureSocket(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.None => SecureSocketOptions.None,
        SmtpTlsMode.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}

/// <summary>What became of one send: accepted, or failed for good (<see cref="Permanent"/>) or for now, and why.</summary>
public sealed record SendOutcome(bool Accepted, bool Permanent, string? Error)
{
    public static SendOutcome Sent { get; } = new(true, false, null);
}
