using OrderTracking.Application.Notifications.Common;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>Turns what a customer e-mail says into its plain-text and HTML parts (the product's templates).</summary>
public interface IEmailRenderer
{
    EmailParts Render(EmailContent content);
}

/// <summary>The two bodies of one message; the plain text says everything the HTML does.</summary>
public sealed record EmailParts(string Text, string Html);
