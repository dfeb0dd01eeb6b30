using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Interfaces;

namespace OrderTracking.Infrastructure.Notifications;

public sealed class EmailChannel(IOptions<SmtpOptions> smtp) : IEmailChannel
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(smtp.Value.Host);
}
