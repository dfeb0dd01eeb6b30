using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Webhooks.Queries.ListWebhookEndpoints;

/// <summary>A merchant's own endpoints (no <see cref="PartnerId"/>), or, for an admin, a delivery partner's.</summary>
[Authorize(ActorType.Admin, ActorType.Merchant)]
public sealed record ListWebhookEndpointsQuery(Guid? PartnerId) : IQuery<IReadOnlyList<WebhookEndpointDto>>;

public sealed class ListWebhookEndpointsQueryHandler(IWebhookRepository webhooks, IPartnerRepository partners, ICurrentActor currentActor)
    : IQueryHandler<ListWebhookEndpointsQuery, IReadOnlyList<WebhookEndpointDto>>
{
    public async ValueTask<IReadOnlyList<WebhookEndpointDto>> Handle(ListWebhookEndpointsQuery query, CancellationToken cancellationToken)
    {
        var owner = await partners.OwnerManagedByAsync(currentActor.Required(), query.PartnerId, cancellationToken);
        return (await webhooks.ListEndpointsAsync(owner, cancellationToken)).Select(e => e.ToDto()).ToList();
    }
}
