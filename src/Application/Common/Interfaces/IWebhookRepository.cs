using OrderTracking.Domain.Common;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Common.Interfaces;

public interface IWebhookRepository
{
    Task<WebhookEndpoint?> FindEndpointAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(WebhookOwner owner, CancellationToken cancellationToken);

    /// <summary>The enabled endpoints of any of <paramref name="owners"/> that subscribe to <paramref name="eventType"/>.</summary>
    Task<IReadOnlyList<WebhookEndpoint>> ListSubscribedAsync(string eventType, IReadOnlyList<WebhookOwner> owners, CancellationToken cancellationToken);

    void AddEndpoint(WebhookEndpoint endpoint);

    Task<WebhookDelivery?> FindDeliveryAsync(Guid endpointId, Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>The endpoint's latest deliveries, newest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid endpointId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the deliveries straight away, skipping any whose event is already planned for that endpoint (a handler
    /// may run twice for one event), and wakes the delivery worker.
    /// </summary>
    Task PlanAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken);

    /// <summary>Wakes the delivery worker after a resend was saved.</summary>
    void WakeDeliveryWorker();
}
