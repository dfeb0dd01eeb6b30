using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Notifications.Common;

/// <summary>What an e-mail about an order needs from it, read after commit in one query.</summary>
/// <param name="FailureReason">The reason of the latest failed delivery attempt up to the event, if any.</param>
public sealed record OrderEmailFacts(
    Guid OrderId,
    Guid MerchantId,
    string TrackingCode,
    string? CustomerEmail,
    string? CustomerLanguage,
    string? CustomerTimeZone,
    DateTimeOffset? EstimatedDeliveryAt,
    DeliveryFailureReason? FailureReason,
    MerchantSender Sender);

/// <summary>The merchant as its customers see the sender: its business name (its account name without a profile) and public contact.</summary>
public sealed record MerchantSender(string BusinessName, string? Phone, string? Email);
