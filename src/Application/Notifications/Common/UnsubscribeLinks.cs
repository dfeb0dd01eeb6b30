using FluentValidation;
using FluentValidation.Results;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Notifications;

namespace OrderTracking.Application.Notifications.Common;

/// <summary>Reading and describing unsubscribe links, shared by the page's question and the unsubscribe itself.</summary>
public static class UnsubscribeLinks
{
    public const string Invalid = "This unsubscribe link is not valid, or it has expired. Use the link in a more recent e-mail.";

    /// <summary>The link's scope; a forged, changed or expired token is a 400.</summary>
    public static UnsubscribeScope Read(IUnsubscribeTokens tokens, string? token) =>
        (string.IsNullOrWhiteSpace(token) || token.Length > 2000 ? null : tokens.Read(token))
        ?? throw new ValidationException([new ValidationFailure("token", Invalid)]);

    public static async Task<UnsubscribeDto> DescribeAsync(UnsubscribeScope scope, INotificationRepository notifications, IOrderQueries orders, CancellationToken cancellationToken)
    {
        var sender = await notifications.FindSenderAsync(scope.MerchantId, cancellationToken);
        var trackingCode = scope.OrderId is { } orderId ? (await orders.FindAsync(orderId, cancellationToken))?.TrackingCode : null;
        return new UnsubscribeDto { MerchantName = sender.BusinessName, TrackingCode = trackingCode, Address = EmailAddressMask.Mask(scope.Address) };
    }
}
