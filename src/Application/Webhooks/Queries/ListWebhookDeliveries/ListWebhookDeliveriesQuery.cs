using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Webhooks.Queries.ListWebhookDeliveries;

/// <summary>The delivery log of an endpoint: its latest <see cref="MaxDeliveries"/> deliveries, newest first.</summary>
[Authorize(ActorType.Admin, ActorType.Merchant)]
public sealed record ListWebhookDeliveriesQuery(Guid EndpointId) : IQuery<IReadOnlyList<WebhookDeliveryDto>>
{
    public const int MaxDeliveries = 100;
}

public sealed class ListWebhookDeliveriesQueryHandler(IWebhookRepository webhooks, ICurrentActor currentActor)
    : IQueryHandler<ListWebhookDeliveriesQuery, IReadOnlyList<WebhookDeliveryDto>>
{
    public async ValueTask<IReadOnlyList<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        var endpoint = await webhooks.FindOverseenAsync(query.EndpointId, currentActor.Required(), cancellationToken);
        return (await webhooks.ListDeliveriesAsync(endpoint.Id, ListWebhookDeliveriesQuery.MaxDeliveries, cancellationToken)).Select(d => d.ToDto()).ToList();
    }
}
