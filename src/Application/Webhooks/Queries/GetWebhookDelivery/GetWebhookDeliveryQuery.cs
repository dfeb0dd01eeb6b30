using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Webhooks.Queries.GetWebhookDelivery;

/// <summary>One delivery of an endpoint with its body and every attempt's request headers and answer, newest attempt first.</summary>
[Authorize(ActorType.Admin, ActorType.Merchant)]
public sealed record GetWebhookDeliveryQuery(Guid EndpointId, Guid DeliveryId) : IQuery<WebhookDeliveryDetailDto>;

public sealed class GetWebhookDeliveryQueryHandler(IWebhookRepository webhooks, ICurrentActor currentActor)
    : IQueryHandler<GetWebhookDeliveryQuery, WebhookDeliveryDetailDto>
{
    public async ValueTask<WebhookDeliveryDetailDto> Handle(GetWebhookDeliveryQuery query, CancellationToken cancellationToken)
    {
        var endpoint = await webhooks.FindOverseenAsync(query.EndpointId, currentActor.Required(), cancellationToken);
        var delivery = await webhooks.FindDeliveryAsync(endpoint.Id, query.DeliveryId, cancellationToken)
            ?? throw new NotFoundException("Webhook delivery", query.DeliveryId);
        var attempts = await webhooks.ListAttemptsAsync(delivery.Id, cancellationToken);
        return new WebhookDeliveryDetailDto(delivery.ToDto(), delivery.Payload, attempts.Select(a => a.ToDto()).ToList());
    }
}
