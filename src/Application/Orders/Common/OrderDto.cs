using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Orders.Common;

/// <summary>An order as its caller may see it.</summary>
public sealed record OrderDto
{
    public required Guid Id { get; init; }

    /// <summary>The public code a customer uses on the tracking page.</summary>
    public required string TrackingCode { get; init; }

    public required Guid MerchantId { get; init; }
    public required OrderStatus Status { get; init; }

    /// <summary>Who the order is for. Null for a courier looking at an order in the pickup pool: it sees the area only until it claims the order.</summary>
    public CustomerDto? Customer { get; init; }

    /// <summary>The full address. Null for a courier looking at an order in the pickup pool, like <see cref="Customer"/>.</summary>
    public DeliveryAddressDto? DeliveryAddress { get; init; }

    /// <summary>OpenStreetMap search link for <see cref="DeliveryAddress"/>; null whenever the address is.</summary>
    public string? DeliveryMapUrl { get; init; }

    /// <summary>
    /// Where the courier collects the order: a copy of the merchant's pickup location taken when the order was created.
    /// Couriers and partners see it until the order is picked up (null afterwards); null on orders without one.
    /// </summary>
    public OrderPickupDto? Pickup { get; init; }

    /// <summary>City, postal code and country of the delivery: shown to everyone who may see the order.</summary>
    public required DeliveryAreaDto DeliveryArea { get; init; }

    public required IReadOnlyList<OrderItemDto> Items { get; init; }

    /// <summary>ISO 4217 currency code of every amount in the order.</summary>
    public required string Currency { get; init; }

    /// <summary>Sum of quantity × unit price over the items, computed by the server.</summary>
    public required decimal Total { get; init; }

    /// <summary>Notes for the courier. Null in the pickup pool, like <see cref="Customer"/>.</summary>
    public string? Notes { get; init; }

    public DateTimeOffset? EstimatedDeliveryAt { get; init; }

    /// <summary>Still open although <see cref="EstimatedDeliveryAt"/> has passed (at the time of the answer).</summary>
    public required bool IsOverdue { get; init; }

    public Guid? AssignedCourierId { get; init; }
    public Guid? AssignedPartnerId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Concurrency token; the same value is sent as the <c>ETag</c> header. Send it back in <c>If-Match</c>.</summary>
    public required uint Version { get; init; }

    /// <summary>The statuses the caller may move this order to now. Draw action buttons from this list.</summary>
    public required IReadOnlyList<OrderStatus> AllowedTransitions { get; init; }

    /// <summary>What the customer asked for after a failed attempt (instructions, another day). Null in the pickup pool, like <see cref="Customer"/>.</summary>
    public CustomerDeliveryRequestDto? DeliveryRequest { get; init; }
}

/// <summary>The customer's instructions for the courier and the day it chose, sent from the tracking page after a failed attempt.</summary>
public sealed record CustomerDeliveryRequestDto(string? Instructions, DateOnly? PreferredDate, DateTimeOffset RequestedAt);

/// <summary>Who the order is for.</summary>
/// <param name="Name">The customer's name.</param>
/// <param name="Phone">A phone number the courier can call.</param>
/// <param name="Email">Where the customer's e-mails about the order go, if the merchant sends them; optional.</param>
/// <param name="Language">The customer's language (BCP 47, such as de-DE): their e-mails write dates in it. Optional; the merchant's choice otherwise.</param>
/// <param name="TimeZone">The customer's time zone (IANA, such as Europe/Berlin): their e-mails give times on its clock. Optional; the merchant's choice otherwise.</param>
public sealed record CustomerDto(string Name, string Phone, string? Email, string? Language = null, string? TimeZone = null);

public sealed record DeliveryAddressDto(string Line1, string? Line2, string City, string PostalCode, string Country)
{
    /// <summary>Where the address is on the map (WGS 84 degrees), if known; give both or neither. The server never looks it up.</summary>
    public double? Latitude { get; init; }

    /// <inheritdoc cref="Latitude"/>
    public double? Longitude { get; init; }
}

/// <summary>The part of a delivery address a courier sees before it claims an order.</summary>
public sealed record DeliveryAreaDto(string City, string PostalCode, string Country);

/// <summary>Where an order is collected from, as it was when the order was created.</summary>
public sealed record OrderPickupDto
{
    /// <summary>The merchant's pickup location the address was copied from.</summary>
    public required Guid LocationId { get; init; }

    /// <summary>The location's name, such as "Main shop".</summary>
    public required string Label { get; init; }

    /// <summary>The address to collect from.</summary>
    public required DeliveryAddressDto Address { get; init; }

    /// <summary>Opening hours, "ring at the back door", and so on.</summary>
    public string? Instructions { get; init; }

    /// <summary>OpenStreetMap search link for the address.</summary>
    public required string MapUrl { get; init; }
}


/// <summary>One line of an order. <c>unitPrice</c> is required on creation: a missing price is refused, never taken as 0.</summary>
public sealed record OrderItemDto(string Name, int Quantity, decimal? UnitPrice);
