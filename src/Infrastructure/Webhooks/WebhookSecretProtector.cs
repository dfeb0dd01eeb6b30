using Microsoft.AspNetCore.DataProtection;
using OrderTracking.Application.Common.Interfaces;

namespace OrderTracking.Infrastructure.Webhooks;

/// <summary>
/// Signing secrets encrypted with ASP.NET Core Data Protection (authenticated encryption, keys rotated every 90 days
/// and kept in the database's key ring so every instance can read what another wrote; old keys keep decrypting).
/// </summary>
public sealed class WebhookSecretProtector(IDataProtectionProvider provider) : IWebhookSecretProtector
{
    /// <summary>Names what the payloads are, so a payload protected for another purpose can never be read as a secret.</summary>
    public const string Purpose = "OrderTracking.Webhooks.SigningSecret.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
