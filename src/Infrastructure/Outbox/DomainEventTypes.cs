using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OrderTracking.Application.Common.Events;
using OrderTracking.Domain.Common;

namespace OrderTracking.Infrastructure.Outbox;

/// <summary>
/// Every <see cref="IDomainEvent"/> of the Domain, by its type name, and how it is written to and read from the
/// outbox. Found by reflection, so a new event needs no change here.
/// </summary>
public static class DomainEventTypes
{
    // The events known today have compile-time metadata (DomainEventJson, beside the events' handlers); a new one is still
    // written and read, by reflection, so the outbox names no event.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = JsonTypeInfoResolver.Combine(DomainEventJson.Default, new DefaultJsonTypeInfoResolver()),
    };

    private static readonly FrozenDictionary<string, Type> ByName = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(typeof(IDomainEvent)))
        .ToFrozenDictionary(type => type.Name, StringComparer.Ordinal);

    public static string NameOf(IDomainEvent domainEvent) => domainEvent.GetType().Name;

    public static string Serialize(IDomainEvent domainEvent) => JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Json);

    public static IDomainEvent Deserialize(string typeName, string payload) =>
        ByName.TryGetValue(typeName, out var type)
            ? (IDomainEvent)(JsonSerializer.Deserialize(payload, type, Json) ?? throw new JsonException($"The payload of a {typeName} is null."))
            : throw new JsonException($"No domain event is called {typeName}.");
}
