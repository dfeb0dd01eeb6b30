using OrderTracking.Domain.Users;

namespace OrderTracking.Application.Common.Interfaces;

public interface ITokenService
{
    AccessToken CreateAccessToken(User user);
}

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt, int ExpiresInSeconds);
