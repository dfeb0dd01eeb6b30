namespace OrderTracking.Infrastructure.Webhooks;

/// <summary>The endpoint's host does not resolve, or resolves to an address webhooks may not reach (SSRF protection).</summary>
public sealed class WebhookAddressRefusedException(string message) : Exception(message);
