using OrderTracking.Application.Arrivals;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Tracking.Queries.GetTracking;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Tracking;

/// <summary>
/// The tracking page of one code: its public view and what the page shows beside the status and timeline: the item
/// summary (prices only where the merchant shows them), the arrival window (never on a closed order), the courier on
/// the map and the rough destination while out for delivery, and after a failed attempt the days on offer and the
/// request already sent. All of it from one read (<see cref="ITrackingFactsReader"/>).
/// </summary>
public sealed class TrackingDetails(ITrackingFactsReader reader, TimeProvider timeProvider)
{
    /// <summary>The page of the order with this (well-formed) code; null when no order has it.</summary>
    public async Task<TrackingDto?> ReadAsync(string trackingCode, CancellationToken cancellationToken) =>
        await reader.ReadAsync(trackingCode, cancellationToken) is { } facts ? Complete(facts.View, facts) : null;

    /// <summary><paramref name="view"/> (the facts' view, or that view as of an earlier status) with what goes beside it.</summary>
    public TrackingDto Complete(TrackingDto view, TrackingFacts facts)
    {
        var now = timeProvider.GetUtcNow();
        var outForDelivery = view.Status == OrderStatus.InTransit;
        var settings = facts.Settings;
        return view with
        {
            Items = facts.Items.Select(i => new TrackingItemDto { Name = i.Name, Quantity = i.Quantity, UnitPrice = settings.ShowPrices ? i.UnitPrice : null }).ToList(),
            Currency = settings.ShowPrices ? facts.Currency : null,
            Total = settings.ShowPrices ? facts.Total : null,
            Arrival = Arrival(facts with { Status = view.Status }, now),
            CourierPosition = outForDelivery ? facts.Courier : null,
            Destination = outForDelivery && facts.Destination?.Approximate() is { } rough ? new MapPointDto(rough.Latitude, rough.Longitude) : null,
            DeliveryRequest = facts.RequestedAt is { } at ? new TrackingDeliveryRequestDto(at, facts.RequestedDate) : null,
            Redelivery = view.Status == OrderStatus.DeliveryFailed ? new RedeliveryOptionsDto(settings.AllowedDates(DateOnly.FromDateTime(now.UtcDateTime))) : null,
        };
    }

    /// <summary>The arrival window of the order with this code now, for a live message; null when it has none.</summary>
    public async Task<ArrivalWindowDto?> ArrivalAsync(string trackingCode, CancellationToken cancellationToken) =>
        await reader.ReadAsync(trackingCode, cancellationToken) is { } facts ? Arrival(facts, timeProvider.GetUtcNow()) : null;

    private static ArrivalWindowDto? Arrival(TrackingFacts facts, DateTimeOffset now)
    {
        var area = ArrivalGroup.AreaOf(facts.PostalCode);
        var histograms = facts.Status is OrderStatus.ReadyForPickup or OrderStatus.PickedUp or OrderStatus.InTransit ? facts.Histograms : ArrivalHistograms.None;
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
