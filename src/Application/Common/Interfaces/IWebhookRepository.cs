using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Common.Interfaces;

public interface IWebhookRepository
{
    Task<WebhookEndpoint?> FindEndpointAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<WebhookEndpoint>> ListEndpointsAsync(WebhookOwner owner, CancellationToken cancellationToken);

    /// <summary>The places (<see cref="WebhookEndpoint.Slot"/>) the owner's endpoints take.</summary>
    Task<IReadOnlyList<int>> TakenSlotsAsync(WebhookOwner owner, CancellationToken cancellationToken);

    void AddEndpoint(WebhookEndpoint endpoint);

    /// <summary>Deletes the endpoint with its deliveries and their attempts when the unit of work saves.</summary>
    void RemoveEndpoint(WebhookEndpoint endpoint);

    /// <summary>Disables every enabled endpoint of <paramref name="owner"/>, saved with the unit of work.</summary>
    Task DisableAllAsync(WebhookOwner owner, WebhookDisabledReason reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="owners"/> are active and have an enabled endpoint that subscribes to <paramref name="eventType"/>.</summary>
    Task<IReadOnlyList<WebhookOwner>> SubscribedOwnersAsync(string eventType, IReadOnlyList<WebhookOwner> owners, CancellationToken cancellationToken);

    /// <summary>
    /// Plans one delivery per enabled endpoint of an active owner in <paramref name="plan"/> that subscribes to its event,
    /// in one statement, skipping endpoints the event is already planned for (a handler may run twice for one event),
    /// and wakes the delivery worker.
    /// </summary>
    Task PlanAsync(WebhookPlan plan, CancellationToken cancellationToken);

    /// <summary>Adds a single delivery (a test event), saved with the unit of work.</summary>
    void AddDelivery(WebhookDelivery delivery);

    Task<WebhookDelivery?> FindDeliveryAsync(Guid endpointId, Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>The endpoint's latest deliveries, newest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid endpointId, int limit, CancellationToken cancellationToken);

    /// <summary>A delivery's attempts, newest first.</summary>
    Task<IReadOnlyList<WebhookAttempt>> ListAttemptsAsync(Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>Wakes the delivery worker after a resend or a test event was saved.</summary>
    void WakeDeliveryWorker();
}
