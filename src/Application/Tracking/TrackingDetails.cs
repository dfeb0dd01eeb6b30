using OrderTracking.Application.Arrivals;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Tracking.Queries.GetTracking;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Tracking;

/// <summary>
/// Adds to the public view what the tracking page shows beside the status and timeline: the item summary (prices only
/// where the merchant shows them), the arrival window (never on a closed order), the courier on the map and the rough
/// destination while out for delivery, and after a failed attempt the days on offer and the request already sent.
/// </summary>
public sealed class TrackingDetails(ITrackingFactsReader reader, IArrivalStatistics statistics, TimeProvider timeProvider)
{
    public async Task<TrackingDto> CompleteAsync(TrackingDto view, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(view.TrackingCode, cancellationToken) is not { } facts)
        {
            return view;
        }

        var now = timeProvider.GetUtcNow();
        var outForDelivery = view.Status == OrderStatus.InTransit;
        var settings = facts.Settings;
        return view with
        {
            Items = facts.Items.Select(i => new TrackingItemDto { Name = i.Name, Quantity = i.Quantity, UnitPrice = settings.ShowPrices ? i.UnitPrice : null }).ToList(),
            Currency = settings.ShowPrices ? facts.Currency : null,
            Total = settings.ShowPrices ? facts.Total : null,
            Arrival = await ArrivalAsync(facts with { Status = view.Status }, now, cancellationToken),
            CourierPosition = outForDelivery ? facts.Courier : null,
            Destination = outForDelivery && facts.Destination?.Approximate() is { } rough ? new MapPointDto(rough.Latitude, rough.Longitude) : null,
            DeliveryRequest = facts.RequestedAt is { } at ? new TrackingDeliveryRequestDto(at, facts.RequestedDate) : null,
            Redelivery = view.Status == OrderStatus.DeliveryFailed ? new RedeliveryOptionsDto(settings.AllowedDates(DateOnly.FromDateTime(now.UtcDateTime))) : null,
        };
    }

    /// <summary>The arrival window of the order with this code now, for a live message; null when it has none.</summary>
    public async Task<ArrivalWindowDto?> ArrivalAsync(string trackingCode, CancellationToken cancellationToken) =>
        await reader.ReadAsync(trackingCode, cancellationToken) is { } facts
            ? await ArrivalAsync(facts, timeProvider.GetUtcNow(), cancellationToken)
            : null;

    private async Task<ArrivalWindowDto?> ArrivalAsync(TrackingFacts facts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var area = ArrivalGroup.AreaOf(facts.PostalCode);
        var hours = new[] { facts.ReadyAt, facts.OutForDeliveryAt }.OfType<DateTimeOffset>().Select(ArrivalGroup.HourOfWeekOf).Distinct().ToList();
        var histograms = hours.Count > 0 && facts.Status is OrderStatus.ReadyForPickup or OrderStatus.PickedUp or OrderStatus.InTransit
            ? await statistics.ReadAsync(facts.MerchantId, area, hours, cancellationToken)
            : ArrivalHistograms.None;
        var estimateFacts = new ArrivalFacts
        {
            Status = facts.Status,
            Area = area,
            MerchantEstimate = facts.MerchantEstimate,
            ReadyAt = facts.ReadyAt,
            OutForDeliveryAt = facts.OutForDeliveryAt,
            Destination = facts.Destination,
            Courier = facts.Courier is { } c ? new CourierPositionFacts(new(c.Latitude, c.Longitude), c.RecordedAt, c.SpeedMetersPerSecond, c.ParcelsOut) : null,
        };
        return ArrivalEstimator.Estimate(estimateFacts, histograms, now);
    }
}
