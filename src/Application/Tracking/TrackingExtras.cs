using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Tracking;

/// <summary>One line of the parcel's contents: what and how many; the price only where the merchant shows prices.</summary>
public sealed record TrackingItemDto
{
    public required string Name { get; init; }
    public required int Quantity { get; init; }

    /// <summary>Null unless the merchant shows prices on its tracking pages.</summary>
    public decimal? UnitPrice { get; init; }
}

/// <summary>A point on the map, rounded to about 100 m where it would otherwise show a customer's door.</summary>
public sealed record MapPointDto(double Latitude, double Longitude);

/// <summary>
/// What the customer asked for after a failed attempt, as the public page may show it back: when, and the day chosen.
/// The instructions themselves are never sent back: the tracking code alone must not read them.
/// </summary>
public sealed record TrackingDeliveryRequestDto(DateTimeOffset RequestedAt, DateOnly? PreferredDate);

/// <summary>The days a customer may choose for another attempt (the merchant's), offered after a failed one.</summary>
public sealed record RedeliveryOptionsDto(IReadOnlyList<DateOnly> Dates, int MaxInstructionsLength = CustomerDeliveryRequest.MaxInstructionsLength);
