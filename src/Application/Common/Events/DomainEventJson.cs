using System.Text.Json;
using System.Text.Json.Serialization;
using OrderTracking.Domain.Orders.Events;

namespace OrderTracking.Application.Common.Events;

/// <summary>
/// Compile-time JSON metadata for the domain events the writes raise, as the outbox stores them (its serializer falls
/// back to reflection for an event not listed here).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderCreated))]
[JsonSerializable(typeof(OrderStatusChanged))]
[JsonSerializable(typeof(OrderAssigned))]
public sealed partial class DomainEventJson : JsonSerializerContext;
