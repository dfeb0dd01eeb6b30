using OrderTracking.Application.Arrivals;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// The merchants' leg durations, counted per group (<see cref="ArrivalGroup"/>) as histograms: added to as orders move,
/// read by the arrival estimate (with the tracking page, <see cref="ITrackingFactsReader"/>), and counted again from the order history on demand.
/// </summary>
public interface IArrivalStatistics
{
    /// <summary>Where the order goes and when it entered <paramref name="status"/> last, at or before <paramref name="before"/>; null when it never did.</summary>
    Task<(string PostalCode, DateTimeOffset Since)?> LegStartAsync(Guid orderId, OrderStatus status, DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Counts one finished leg in the four groups it belongs to, once per <paramref name="eventId"/> however often it is handed in.</summary>
    Task RecordAsync(Guid eventId, Guid merchantId, DeliveryLeg leg, string area, int hourOfWeek, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Throws every count away and counts every finished leg of the history again; returns the number of legs counted.</summary>
    Task<long> RebuildAsync(CancellationToken cancellationToken);
}
