using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Users;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Webhooks.Common;

public static class WebhookEndpointAccess
{
    /// <summary>The endpoint, if <paramref name="actor"/> manages it (<see cref="WebhookEndpoint.IsManagedBy"/>); otherwise 404, or 403 for an admin on a merchant's endpoint.</summary>
    public static async Task<WebhookEndpoint> FindManagedAsync(this IWebhookRepository webhooks, Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var endpoint = await webhooks.FindOverseenAsync(id, actor, cancellationToken);
        return endpoint.IsManagedBy(actor) ? endpoint : throw new ForbiddenAccessException();
    }

    /// <summary>The endpoint, if <paramref name="actor"/> oversees it (<see cref="WebhookEndpoint.IsOverseenBy"/>); otherwise it does not exist for the actor (404).</summary>
    public static async Task<WebhookEndpoint> FindOverseenAsync(this IWebhookRepository webhooks, Guid id, Actor actor, CancellationToken cancellationToken)
    {
        var endpoint = await webhooks.FindEndpointAsync(id, cancellationToken);
        return endpoint is not null && endpoint.IsOverseenBy(actor) ? endpoint : throw new NotFoundException("Webhook endpoint", id);
    }

    /// <summary>The owner <paramref name="actor"/> manages endpoints for; an admin's partner must exist.</summary>
    public static async Task<WebhookOwner> OwnerManagedByAsync(this IPartnerRepository partners, Actor actor, Guid? partnerId, CancellationToken cancellationToken)
    {
        var owner = WebhookOwner.ManagedBy(actor, partnerId) ?? throw new ForbiddenAccessException();
        if (owner.Type == ActorType.Partner && await partners.FindByIdAsync(owner.Id, cancellationToken) is null)
        {
            throw new NotFoundException("Partner", owner.Id);
        }

        return owner;
    }

    /// <summary>A merchant whose endpoints an admin looks at; the merchant must exist.</summary>
    public static async Task<WebhookOwner> MerchantManagedByAsync(this IUserRepository users, Actor actor, Guid merchantId, CancellationToken cancellationToken)
    {
        if (actor.Type != ActorType.Admin)
        {
            throw new ForbiddenAccessException();
        }

        return await users.FindByIdAsync(merchantId, cancellationToken) is { Role: UserRole.Merchant }
            ? WebhookOwner.Merchant(merchantId)
            : throw new NotFoundException("Merchant", merchantId);
    }
}
