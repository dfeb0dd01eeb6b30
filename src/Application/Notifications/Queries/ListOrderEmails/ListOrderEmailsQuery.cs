using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Notifications.Queries.ListOrderEmails;

/// <summary>The e-mails the order's customer was sent (or that failed, or were not sent), oldest first, addresses masked.</summary>
[Authorize(ActorType.Merchant, ActorType.Admin)]
public sealed record ListOrderEmailsQuery(Guid OrderId) : IQuery<IReadOnlyList<OrderEmailDto>>;

public sealed class ListOrderEmailsQueryHandler(ICurrentActor currentActor, IOrderQueries orders, INotificationRepository notifications)
    : IQueryHandler<ListOrderEmailsQuery, IReadOnlyList<OrderEmailDto>>
{
    public async ValueTask<IReadOnlyList<OrderEmailDto>> Handle(ListOrderEmailsQuery query, CancellationToken cancellationToken)
    {
        _ = await orders.FindVisibleAsync(query.OrderId, currentActor.Required(), cancellationToken)
            ?? throw new NotFoundException("Order", query.OrderId);
        return (await notifications.ListForOrderAsync(query.OrderId, cancellationToken)).Select(e => e.ToDto()).ToList();
    }
}
