using OrderTracking.Application.CourierPositions;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// The latest position of each courier while it has an order out for delivery, and nothing else: every report
/// replaces the one before (never a trail), and it is forgotten once the courier has no order out for delivery.
/// </summary>
public interface ICourierPositions
{
    /// <summary>
    /// Keeps the courier's position if it has orders out for delivery (and the report is newer than the one kept), in
    /// one statement that holds those orders against a concurrent status change; returns them, empty when it has none.
    /// </summary>
    Task<CourierReport> ReportForCourierAsync(Guid courierId, CourierPosition position, CancellationToken cancellationToken);

    /// <summary>The same for the courier of a delivery partner carrying the partner's order with this code.</summary>
    Task<CourierReport> ReportForPartnerOrderAsync(Guid partnerId, string trackingCode, CourierPosition position, CancellationToken cancellationToken);

    /// <summary>Forgets the position of <paramref name="courierId"/> if it has no order out for delivery now, and of the partner courier carrying the order.</summary>
    Task<int> ForgetUnlessOutForDeliveryAsync(Guid? courierId, Guid orderId, CancellationToken cancellationToken);

    /// <summary>Forgets every position whose courier has no order out for delivery (a safety net behind the after-commit forgetting).</summary>
    Task<int> ForgetAllNotOutForDeliveryAsync(CancellationToken cancellationToken);

    /// <summary>The position of the courier carrying this order, while it is out for delivery.</summary>
    Task<CourierPositionDto?> ForOrderAsync(Guid orderId, CancellationToken cancellationToken);
}

/// <summary>A reported position: where, how precisely (metres), and when the device took it.</summary>
public sealed record CourierPosition(GeoPoint Point, double AccuracyMeters, DateTimeOffset RecordedAt);

/// <summary>The orders a position was reported for, and the position now kept when it replaced the one before (an older report does not).</summary>
public sealed record CourierReport(IReadOnlyList<CarriedOrder> Orders, CourierPositionDto? Kept);

public sealed record CarriedOrder(Guid OrderId, string TrackingCode, Guid MerchantId);
