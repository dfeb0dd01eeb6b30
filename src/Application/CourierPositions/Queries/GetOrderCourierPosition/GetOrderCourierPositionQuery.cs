using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.CourierPositions.Queries.GetOrderCourierPosition;

/// <summary>Where the courier carrying the order is, for the merchant's and the admins' order page while it is out for delivery.</summary>
[Authorize(ActorType.Merchant, ActorType.Admin)]
public sealed record GetOrderCourierPositionQuery(Guid OrderId) : IQuery<OrderCourierPositionDto>;

/// <summary>The courier's latest position; null when the order is not out for delivery or its courier shares none.</summary>
public sealed record OrderCourierPositionDto(CourierPositionDto? Position);

public sealed class GetOrderCourierPositionQueryHandler(ICurrentActor currentActor, IOrderQueries orders, ICourierPositions positions)
    : IQueryHandler<GetOrderCourierPositionQuery, OrderCourierPositionDto>
{
    public async ValueTask<OrderCourierPositionDto> Handle(GetOrderCourierPositionQuery query, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        _ = await orders.FindVisibleAsync(query.OrderId, actor, cancellationToken) ?? throw new NotFoundException("Order", query.OrderId);
        return new OrderCourierPositionDto(await positions.ForOrderAsync(query.OrderId, cancellationToken));
    }
}
