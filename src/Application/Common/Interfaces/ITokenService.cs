using OrderTracking.Domain.Users;

namespace OrderTracking.Application.Common.Interfaces;

public interface ITokenService
{
    AccessToken CreateAccessToken(User user);

    /// <summary>A new opaque refresh token (256 random bits) and the hash under which it is stored.</summary>
    (string Token, byte[] Hash) NewRefreshToken();

    byte[] HashRefreshToken(string token);
}

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt, int ExpiresInSeconds);
