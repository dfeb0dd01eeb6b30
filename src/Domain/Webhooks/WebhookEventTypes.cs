namespace OrderTracking.Domain.Webhooks;

/// <summary>The event types a webhook endpoint can subscribe to, by their wire names.</summary>
public static class WebhookEventTypes
{
    public const string OrderCreated = "order.created";
    public const string OrderStatusChanged = "order.status_changed";
    public const string OrderAssigned = "order.assigned";

    /// <summary>What a test the owner sends from the endpoint's page is called; not an event anyone subscribes to.</summary>
    public const string EndpointTest = "endpoint.test";

    /// <summary>The longest wire name, for storage limits.</summary>
    public const int MaxLength = 40;

    public static IReadOnlyList<string> All { get; } = [OrderCreated, OrderStatusChanged, OrderAssigned];

    public static bool IsKnown(string eventType) => All.Contains(eventType, StringComparer.Ordinal);
}
