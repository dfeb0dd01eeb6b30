using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Webhooks.Queries.ListWebhookEndpoints;

/// <summary>
/// A merchant's own endpoints (neither id given); for an admin, a delivery partner's (<see cref="PartnerId"/>) or a
/// merchant's (<see cref="MerchantId"/>).
/// </summary>
[Authorize(ActorType.Admin, ActorType.Merchant)]
public sealed record ListWebhookEndpointsQuery(Guid? PartnerId, Guid? MerchantId = null) : IQuery<IReadOnlyList<WebhookEndpointDto>>;

public sealed class ListWebhookEndpointsQueryHandler(IWebhookRepository webhooks, IPartnerRepository partners, IUserRepository users, ICurrentActor currentActor)
    : IQueryHandler<ListWebhookEndpointsQuery, IReadOnlyList<WebhookEndpointDto>>
{
    public async ValueTask<IReadOnlyList<WebhookEndpointDto>> Handle(ListWebhookEndpointsQuery query, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var owner = query.MerchantId is { } merchantId
            ? await users.MerchantManagedByAsync(actor, merchantId, cancellationToken)
            : await partners.OwnerManagedByAsync(actor, query.PartnerId, cancellationToken);
        return (await webhooks.ListEndpointsAsync(owner, cancellationToken)).Select(e => e.ToDto()).ToList();
    }
}
