using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Webhooks.Common;

namespace OrderTracking.Infrastructure.Webhooks;

public sealed class WebhookUrlGuard(WebhookDestination destination, IOptions<WebhookOptions> options) : IWebhookUrlGuard
{
    public async Task<string?> RefusalAsync(string url, CancellationToken cancellationToken)
    {
        if (options.Value.UrlProblem(url.Trim()) is { } problem)
        {
            return problem;
        }

        try
        {
            await destination.ResolveAllowedAsync(new Uri(url.Trim()).IdnHost, cancellationToken);
            return null;
        }
        catch (WebhookAddressRefusedException refused)
        {
            return refused.Message;
        }
    }
}
