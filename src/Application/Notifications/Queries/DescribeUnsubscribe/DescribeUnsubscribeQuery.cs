using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Notifications.Common;

namespace OrderTracking.Application.Notifications.Queries.DescribeUnsubscribe;

/// <summary>What an unsubscribe link would stop, for the page that asks the customer to confirm. Anyone holding the link may ask.</summary>
public sealed record DescribeUnsubscribeQuery(string? Token) : IQuery<UnsubscribeDto>;

public sealed class DescribeUnsubscribeQueryHandler(IUnsubscribeTokens tokens, INotificationRepository notifications, IOrderQueries orders)
    : IQueryHandler<DescribeUnsubscribeQuery, UnsubscribeDto>
{
    public async ValueTask<UnsubscribeDto> Handle(DescribeUnsubscribeQuery query, CancellationToken cancellationToken) =>
        await UnsubscribeLinks.DescribeAsync(UnsubscribeLinks.Read(tokens, query.Token), notifications, orders, cancellationToken);
}
