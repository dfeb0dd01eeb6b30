using System.Text.Json;
using System.Text.Json.Serialization;
using OrderTracking.Application.Orders.Common;

namespace OrderTracking.Application.Webhooks.Events;

/// <summary>The JSON body of a delivery: the event's id, type and time, and the order as the receiver may see it through the API, as of the event.</summary>
public sealed record WebhookPayload(Guid Id, string Type, DateTimeOffset CreatedAt, OrderDto Data)
{
    /// <summary>The API's own JSON conventions (camelCase, enums by name), so the order reads as the API's order does.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>The body of a test event: which endpoint it is for, and that it is a test.</summary>
public sealed record WebhookTestPayload(Guid Id, string Type, DateTimeOffset CreatedAt, WebhookTestData Data)
{
    public string ToJson() => JsonSerializer.Serialize(this, WebhookPayload.Json);
}

public sealed record WebhookTestData(Guid EndpointId, string Message);
