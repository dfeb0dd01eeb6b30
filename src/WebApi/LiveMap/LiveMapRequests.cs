
namespace OrderTracking.WebApi.LiveMap;

/// <summary>Where the courier is, as the device's Geolocation reports it.</summary>
/// <param name="Latitude">WGS 84 degrees, -90 to 90.</param>
/// <param name="Longitude">WGS 84 degrees, -180 to 180.</param>
/// <param name="Accuracy">Radius in metres, 0 to 1000.</param>
/// <param name="RecordedAt">When the device took the position: not in the future, at most 5 minutes ago.</param>
public sealed record CourierPositionRequest(double? Latitude, double? Longitude, double? Accuracy, DateTimeOffset? RecordedAt);

/// <summary>The customer's request after a failed attempt: instructions, another day, or both.</summary>
/// <param name="Instructions">For the courier (at most 500 characters): where to leave it, which bell to ring.</param>
/// <param name="PreferredDate">One of the days offered in the tracking view's <c>redelivery.dates</c>.</param>
public sealed record DeliveryRequestRequest(string? Instructions, DateOnly? PreferredDate);

/// <summary>What customers see and may choose on the merchant's tracking pages.</summary>
/// <param name="ShowPrices">Show unit prices and the total beside the items.</param>
/// <param name="RedeliveryDays">The weekdays customers may choose for another attempt (may be empty).</param>
/// <param name="RedeliveryHorizonDays">How many days ahead, from tomorrow, 1 to 14.</param>
public sealed record TrackingPageSettingsRequest(bool? ShowPrices, IReadOnlyList<DayOfWeek>? RedeliveryDays, int? RedeliveryHorizonDays);
