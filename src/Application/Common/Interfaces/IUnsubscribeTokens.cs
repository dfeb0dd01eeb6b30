using OrderTracking.Domain.Notifications;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// Signed, expiring tokens for unsubscribe links: only this product can issue one, its scope cannot be changed, and it
/// stops working at its expiry. The address inside is not readable from the token.
/// </summary>
public interface IUnsubscribeTokens
{
    string Issue(UnsubscribeScope scope, DateTimeOffset expires);

    /// <summary>The scope of a token this product issued and that has not expired; null for anything else.</summary>
    UnsubscribeScope? Read(string token);
}
