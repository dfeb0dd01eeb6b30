using OrderTracking.Application.Arrivals;

namespace OrderTracking.Application.CourierPositions;

/// <summary>Where the courier was when its device last reported, and how precisely.</summary>
public sealed record CourierPositionDto
{
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }

    /// <summary>Radius in metres within which the courier was, as the device reported it.</summary>
    public required double Accuracy { get; init; }

    /// <summary>When the device took the position.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The courier's recent speed in metres a second; used by the arrival estimate, not sent to the public page.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double? SpeedMetersPerSecond { get; init; }

    /// <summary>How many orders the courier has out for delivery; not sent to the public page.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ParcelsOut { get; init; }
}

/// <summary>
/// One live message about a courier's position, for one of the orders it carries: sent to that order's tracking page
/// (the code, the position and the new arrival window only) and to its merchant's and the admins' order pages.
/// </summary>
public sealed record CourierPositionMessage(Guid OrderId, string TrackingCode, Guid MerchantId, CourierPositionDto Position, ArrivalWindowDto? Arrival);
