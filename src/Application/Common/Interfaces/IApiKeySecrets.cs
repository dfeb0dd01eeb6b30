namespace OrderTracking.Application.Common.Interfaces;

/// <summary>Makes and checks the secret parts of partner API keys. Only hashes are ever stored.</summary>
public interface IApiKeySecrets
{
    /// <summary>A new random public id and secret, both base62, with the hash of the secret.</summary>
    (string PublicId, string Secret, byte[] SecretHash) Generate();

    /// <summary>Whether <paramref name="secret"/> hashes to <paramref name="expectedHash"/>, compared in constant time.</summary>
    bool Matches(string secret, byte[] expectedHash);
}
