using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Orders.Queries.GetOrder;

[Authorize(ActorType.Admin, ActorType.Merchant, ActorType.Delivery)]
public sealed record GetOrderQuery(Guid OrderId) : IQuery<OrderDto>;

public sealed class GetOrderQueryHandler(ICurrentActor currentActor, IOrderQueries orders, TimeProvider timeProvider) : IQueryHandler<GetOrderQuery, OrderDto>
{
    public async ValueTask<OrderDto> Handle(GetOrderQuery query, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var order = await orders.FindVisibleAsync(query.OrderId, actor, cancellationToken)
            ?? throw new NotFoundException("Order", query.OrderId);
        return order.ToDto(actor, timeProvider.GetUtcNow());
    }
}
