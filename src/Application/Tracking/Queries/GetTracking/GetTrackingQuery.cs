using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Arrivals;
using OrderTracking.Application.CourierPositions;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Tracking.Queries.GetTracking;

/// <summary>The public view of one order, for anyone holding its tracking code. Carries nothing personal.</summary>
public sealed record GetTrackingQuery(string TrackingCode) : IQuery<TrackingDto>;

/// <summary>What a customer sees on the tracking page: no name, phone, email or address; items and prices as the merchant chose.</summary>
public sealed record TrackingDto(
    string TrackingCode,
    OrderStatus Status,
    string MerchantName,
    SenderDto Sender,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EstimatedDeliveryAt,
    IReadOnlyList<TrackingEventDto> Timeline)
{
    /// <summary>What is in the parcel: names and quantities (prices only where the merchant shows them).</summary>
    public IReadOnlyList<TrackingItemDto> Items { get; init; } = [];

    /// <summary>The item total, where the merchant shows prices.</summary>
    public decimal? Total { get; init; }

    /// <summary>The currency of the prices, where the merchant shows them.</summary>
    public string? Currency { get; init; }

    /// <summary>When the parcel should arrive; absent on closed orders and after a failed attempt.</summary>
    public ArrivalWindowDto? Arrival { get; init; }

    /// <summary>Where the courier is, while the order is out for delivery and its courier shares a position.</summary>
    public CourierPositionDto? CourierPosition { get; init; }

    /// <summary>Roughly (about 100 m) where the parcel goes, while it is out for delivery and the address was placed on the map.</summary>
    public MapPointDto? Destination { get; init; }

    /// <summary>The customer's last request after a failed attempt: when, and the day chosen.</summary>
    public TrackingDeliveryRequestDto? DeliveryRequest { get; init; }

    /// <summary>After a failed attempt: the days the customer may choose for the next one.</summary>
    public RedeliveryOptionsDto? Redelivery { get; init; }

    /// <summary>Once delivered with a proof: who took the parcel (initial and last name), whether they signed, and whether the page may show the photo.</summary>
    public DeliveryConfirmationDto? Delivery { get; init; }
}

/// <summary>
/// The public side of a proof of delivery: "Delivered to J. Smith, signed". The photo is shown, from
/// <c>GET /api/tracking/{trackingCode}/delivery-photo</c>, only when the merchant chose to show it to customers.
/// </summary>
public sealed record DeliveryConfirmationDto
{
    /// <summary>The recipient's name shortened to an initial and the last name ("J. Smith"); null when none was taken.</summary>
    public string? RecipientName { get; init; }

    public required bool RecipientSigned { get; init; }

    /// <summary>Whether <c>GET /api/tracking/{trackingCode}/delivery-photo</c> has a photo to show.</summary>
    public required bool HasPhoto { get; init; }
}

/// <summary>
/// Who sent the parcel, as the merchant presents itself to its customers: the business name of its profile (its
/// account name when it has no profile), the public contact it chose to show, and its brand (logo and accent colour),
/// kept in one place, with its customer e-mail settings, for the e-mails and this page alike.
/// </summary>
public sealed record SenderDto
{
    /// <summary>The merchant's business name.</summary>
    public required string BusinessName { get; init; }

    /// <summary>The merchant's public contact phone, if it gave one.</summary>
    public string? Phone { get; init; }

    /// <summary>The merchant's public contact email, if it gave one.</summary>
    public string? Email { get; init; }

    /// <summary>The merchant's logo (an https image), the one its customer e-mails show; null when it set none.</summary>
    public string? LogoUrl { get; init; }

    /// <summary>The merchant's accent colour (<c>#rrggbb</c>), the one its customer e-mails use; null when it chose none.</summary>
    public string? AccentColour { get; init; }
}

/// <summary>
/// One status the order reached and when. <c>failureReason</c> is set on a failed delivery attempt only: one of a
/// fixed list the customer page words for people; the courier's free-text note is never shown.
/// </summary>
public sealed record TrackingEventDto(OrderStatus Status, DateTimeOffset At, DeliveryFailureReason? FailureReason = null);

public sealed class GetTrackingQueryHandler(TrackingDetails details) : IQueryHandler<GetTrackingQuery, TrackingDto>
{
    public async ValueTask<TrackingDto> Handle(GetTrackingQuery query, CancellationToken cancellationToken)
    {
        var code = query.TrackingCode.Trim().ToUpperInvariant();
        return (TrackingCode.IsWellFormed(code) ? await details.ReadAsync(code, cancellationToken) : null)
            ?? throw new NotFoundException("Tracking code", query.TrackingCode);
    }
}
