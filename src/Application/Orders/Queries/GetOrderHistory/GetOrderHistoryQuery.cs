using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Orders.Queries.GetOrderHistory;

[Authorize(ActorType.Admin, ActorType.Merchant, ActorType.Delivery)]
public sealed record GetOrderHistoryQuery(Guid OrderId) : IQuery<IReadOnlyList<OrderHistoryEntryDto>>;

public sealed class GetOrderHistoryQueryHandler(ICurrentActor currentActor, IOrderQueries orders)
    : IQueryHandler<GetOrderHistoryQuery, IReadOnlyList<OrderHistoryEntryDto>>
{
    public async ValueTask<IReadOnlyList<OrderHistoryEntryDto>> Handle(GetOrderHistoryQuery query, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var history = await orders.GetVisibleHistoryAsync(query.OrderId, actor, cancellationToken)
            ?? throw new NotFoundException("Order", query.OrderId);
        return history.Select(h => h.ToDto()).ToList();
    }
}
