using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Tracking.Queries.GetTracking;

/// <summary>The public view of one order, for anyone holding its tracking code. Carries nothing personal.</summary>
public sealed record GetTrackingQuery(string TrackingCode) : IQuery<TrackingDto>;

/// <summary>What a customer sees on the tracking page: no name, phone, email, address, items or prices.</summary>
public sealed record TrackingDto(
    string TrackingCode,
    OrderStatus Status,
    string MerchantName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EstimatedDeliveryAt,
    IReadOnlyList<TrackingEventDto> Timeline);

/// <summary>
/// One status the order reached and when. <c>failureReason</c> is set on a failed delivery attempt only: one of a
/// fixed list the customer page words for people; the courier's free-text note is never shown.
/// </summary>
public sealed record TrackingEventDto(OrderStatus Status, DateTimeOffset At, DeliveryFailureReason? FailureReason = null);

public sealed class GetTrackingQueryHandler(IOrderRepository orders, IUserRepository users) : IQueryHandler<GetTrackingQuery, TrackingDto>
{
    public async ValueTask<TrackingDto> Handle(GetTrackingQuery query, CancellationToken cancellationToken)
    {
        var code = query.TrackingCode.Trim().ToUpperInvariant();
        var order = (TrackingCode.IsWellFormed(code) ? await orders.FindByTrackingCodeAsync(code, cancellationToken) : null)
            ?? throw new NotFoundException("Tracking code", query.TrackingCode);
        var merchant = await users.FindByIdAsync(order.MerchantId, cancellationToken);
        return PublicTrackingView.Of(order, merchant?.DisplayName ?? string.Empty);
    }
}
