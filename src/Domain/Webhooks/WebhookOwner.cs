using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Webhooks;

/// <summary>Whose endpoint it is: a merchant (told about its own orders) or a delivery partner (told about the orders assigned to it).</summary>
public sealed record WebhookOwner(ActorType Type, Guid Id)
{
    public static WebhookOwner Merchant(Guid merchantId) => new(ActorType.Merchant, merchantId);

    public static WebhookOwner Partner(Guid partnerId) => new(ActorType.Partner, partnerId);

    /// <summary>
    /// The owner of an endpoint <paramref name="actor"/> creates or lists: a merchant manages its own endpoints (and names
    /// no partner), an admin manages a delivery partner's. Null when the actor may not do it.
    /// </summary>
    public static WebhookOwner? ManagedBy(Actor actor, Guid? partnerId) => (actor.Type, partnerId) switch
    {
        (ActorType.Merchant, null) => Merchant(actor.Id),
        (ActorType.Admin, { } partner) => Partner(partner),
        _ => null,
    };

    /// <summary>The owner as a caller of the API, so a payload shows exactly what the owner could read through the API.</summary>
    public Actor AsReceiver() => new(Type, Id, "webhook receiver");
}
