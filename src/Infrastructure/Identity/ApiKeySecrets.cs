using System.Security.Cryptography;
using System.Text;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Partners;

namespace OrderTracking.Infrastructure.Identity;

/// <summary>
/// Random base62 key parts from the operating system's CSPRNG; the secret is stored as its SHA-256 hash (a
/// 256-bit random secret needs no slow hash) and compared in constant time.
/// </summary>
public sealed class ApiKeySecrets : IApiKeySecrets
{
    public (string PublicId, string Secret, byte[] SecretHash) Generate()
    {
        var publicId = RandomNumberGenerator.GetString(ApiKeyFormat.Base62, ApiKeyFormat.PublicIdLength);
        var secret = RandomNumberGenerator.GetString(ApiKeyFormat.Base62, ApiKeyFormat.SecretLength);
        return (publicId, secret, Hash(secret));
    }

    public bool Matches(string secret, byte[] expectedHash) => CryptographicOperations.FixedTimeEquals(Hash(secret), expectedHash);

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
