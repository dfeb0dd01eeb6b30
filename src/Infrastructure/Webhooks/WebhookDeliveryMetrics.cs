using System.Diagnostics.Metrics;

namespace OrderTracking.Infrastructure.Webhooks;

/// <summary>
/// The one place delivery outcomes are counted: <c>ordertracking.webhook.deliveries</c>, tagged <c>outcome</c>
/// (<c>delivered</c>, <c>retry_scheduled</c>, <c>failed</c>). Exporters (OpenTelemetry) subscribe to the meter by name.
/// </summary>
public sealed class WebhookDeliveryMetrics
{
    public const string MeterName = "OrderTracking.Webhooks";

    private readonly Counter<long> _deliveries;

    public WebhookDeliveryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("ordertracking.webhook.deliveries", unit: "{attempt}", description: "Webhook delivery attempts by outcome.");
    }

    public void Record(string outcome) => _deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
