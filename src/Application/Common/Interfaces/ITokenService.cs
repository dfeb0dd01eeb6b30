using OrderTracking.Domain.Users;

namespace OrderTracking.Application.Common.Interfaces;

public interface ITokenService
{
    /// <summary>An access token for <paramref name="user"/> in the session <paramref name="sessionId"/>: it stops working when that session ends.</summary>
    AccessToken CreateAccessToken(User user, Guid sessionId);

    /// <summary>A new opaque refresh token (256 random bits) and the hash under which it is stored.</summary>
    (string Token, byte[] Hash) NewRefreshToken();

    /// <summary>The one refresh token that succeeds the spent token <paramref name="spentTokenId"/>: the same every time it is asked for.</summary>
    (string Token, byte[] Hash) SuccessorRefreshToken(Guid spentTokenId);

    byte[] HashRefreshToken(string token);
}

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt, int ExpiresInSeconds);
