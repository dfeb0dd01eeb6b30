using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Notifications;

namespace OrderTracking.Infrastructure.Notifications;

/// <summary>
/// Unsubscribe tokens from ASP.NET Core Data Protection's time-limited protector: authenticated encryption under the
/// application's key ring (shared by every instance), with the expiry inside, so a token cannot be forged, altered or
/// used after it expires, and the address in it cannot be read. The purpose string keeps these tokens from being
/// accepted anywhere else, and anything else from being accepted here.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider, TimeProvider timeProvider) : IUnsubscribeTokens
{
    private const string Purpose = "OrderTracking.Notifications.Unsubscribe.v1";

    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public string Issue(UnsubscribeScope scope, DateTimeOffset expires) =>
        _protector.Protect(JsonSerializer.Serialize(new Payload(scope.MerchantId, scope.Address, scope.OrderId)), expires);

    public UnsubscribeScope? Read(string token)
    {
        try
        {
            var json = _protector.Unprotect(token, out var expires);

            // The protector checks the expiry against the system clock; the application's clock has the last word.
            if (expires < timeProvider.GetUtcNow())
            {
                return null;
            }

            return JsonSerializer.Deserialize<Payload>(json) is { Address.Length: > 0 } payload
                ? new UnsubscribeScope(payload.MerchantId, payload.Address, payload.OrderId)
                : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record Payload(Guid MerchantId, string Address, Guid? OrderId);
}
