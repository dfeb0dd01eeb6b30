namespace OrderTracking.Domain.Notifications;

/// <summary>What an unsubscribe link stops: e-mails from one merchant to one address, about one order or (no <see cref="OrderId"/>) all of them.</summary>
public sealed record UnsubscribeScope(Guid MerchantId, string Address, Guid? OrderId);
