using OrderTracking.Infrastructure.Background;

namespace OrderTracking.Infrastructure.Webhooks;

/// <summary>Wakes this instance's delivery worker at once when a delivery is planned or resent here.</summary>
public sealed class WebhookDeliverySignal : WakeUpSignal;
