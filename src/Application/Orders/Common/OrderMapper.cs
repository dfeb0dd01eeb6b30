using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using Riok.Mapperly.Abstractions;

namespace OrderTracking.Application.Orders.Common;

/// <summary>Compile-time mappings between the order aggregate and its DTOs.</summary>
[Mapper]
public static partial class OrderMapper
{
    /// <summary>
    /// The order as <paramref name="caller"/> sees it, with the moves the caller may make now; without the customer,
    /// the street and the notes when the caller may see only the delivery area; overdue as of <paramref name="now"/>.
    /// </summary>
    public static OrderDto ToDto(this Order order, Actor caller, DateTimeOffset now)
    {
        var dto = MapOrder(order) with
        {
            AllowedTransitions = order.AllowedTransitionsFor(caller),
            IsOverdue = order.IsOverdueAt(now),
            DeliveryMapUrl = MapLink.For(order.DeliveryAddress),
            Pickup = order.ShowsPickupTo(caller) ? order.Pickup!.ToDto() : null,
        };
        return order.ShowsOnlyDeliveryAreaTo(caller) ? dto with { Customer = null, DeliveryAddress = null, DeliveryMapUrl = null, Notes = null, DeliveryRequest = null } : dto;
    }

    public static OrderPickupDto ToDto(this OrderPickup pickup) => new()
    {
        LocationId = pickup.LocationId,
        Label = pickup.Label,
        Address = pickup.Address.ToDto(),
        Instructions = pickup.Instructions,
        MapUrl = MapLink.For(pickup.Address),
    };

    [MapperIgnoreSource(nameof(Order.History))]
    [MapperIgnoreSource(nameof(Order.DomainEvents))]
    [MapperIgnoreSource(nameof(Order.IsTerminal))]
    [MapperIgnoreSource(nameof(Order.IsInPickupPool))]
    [MapperIgnoreSource(nameof(Order.AwaitsPickup))]
    [MapperIgnoreSource(nameof(Order.Pickup))]
    [MapperIgnoreTarget(nameof(OrderDto.Pickup))]
    [MapperIgnoreTarget(nameof(OrderDto.DeliveryMapUrl))]
    [MapperIgnoreSource(nameof(Order.DeliveredAt))]
    [MapperIgnoreSource(nameof(Order.StatusChangedAt))]
    [MapperIgnoreSource(nameof(Order.TimeInStatus))]
    [MapProperty(nameof(Order.DeliveryRequest), nameof(OrderDto.DeliveryRequest), Use = nameof(ToRequestDto))]
    [MapValue(nameof(OrderDto.AllowedTransitions), Use = nameof(NoTransitions))]
    [MapValue(nameof(OrderDto.IsOverdue), false)]
    [MapProperty(nameof(Order.DeliveryAddress), nameof(OrderDto.DeliveryArea), Use = nameof(ToArea))]
    [MapProperty(nameof(Order.DeliveryAddress), nameof(OrderDto.DeliveryAddress))]
    private static partial OrderDto MapOrder(Order order);

    private static CustomerDeliveryRequestDto? ToRequestDto(CustomerDeliveryRequest? request) =>
        request is null ? null : new(request.Instructions, request.PreferredDate, request.RequestedAt);

    private static DeliveryAreaDto ToArea(DeliveryAddress address) => new(address.City, address.PostalCode, address.Country);

    private static IReadOnlyList<OrderStatus> NoTransitions() => [];

    [MapperIgnoreSource(nameof(OrderItem.LineTotal))]
    private static partial OrderItemDto MapItem(OrderItem item);

    public static partial CustomerDto ToDto(this Customer customer);

    [MapperIgnoreSource(nameof(DeliveryAddress.Location))]
    public static partial DeliveryAddressDto ToDto(this DeliveryAddress address);

    [MapperIgnoreSource(nameof(OrderHistoryEntry.Id))]
    [MapperIgnoreSource(nameof(OrderHistoryEntry.OrderId))]
    [MapperIgnoreSource(nameof(OrderHistoryEntry.Version))]
    public static partial OrderHistoryEntryDto ToDto(this OrderHistoryEntry entry);

    public static partial Customer ToDomain(this CustomerDto customer);

    /// <summary>The address, placed on the map when the request gave both coordinates (checked by the domain).</summary>
    public static DeliveryAddress ToDomain(this DeliveryAddressDto address) =>
        new DeliveryAddress(address.Line1, address.Line2, address.City, address.PostalCode, address.Country).At(address.Latitude, address.Longitude);
}
