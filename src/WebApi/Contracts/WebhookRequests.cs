
namespace OrderTracking.WebApi.Contracts;

/// <summary>A new webhook endpoint: where to send (https) and which events (<c>order.created</c>, <c>order.status_changed</c>, <c>order.assigned</c>).</summary>
public sealed record CreateWebhookEndpointRequest(string? Url, IReadOnlyList<string>? Events);

/// <summary>Changes to a webhook endpoint; fields left out stay as they are.</summary>
public sealed record UpdateWebhookEndpointRequest(string? Url = null, IReadOnlyList<string>? Events = null, bool? IsEnabled = null);
