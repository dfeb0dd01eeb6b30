using System.Text.Json;
using System.Text.Json.Serialization;
using OrderTracking.Application.Orders.Common;

namespace OrderTracking.Application.Webhooks.Events;

/// <summary>The JSON body of a delivery: the event's id, type and time, and the order as the receiver may see it through the API.</summary>
public sealed record WebhookPayload(Guid Id, string Type, DateTimeOffset CreatedAt, OrderDto Data)
{
    /// <summary>The API's own JSON conventions (camelCase, enums by name), so the order reads as the API's order does.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
