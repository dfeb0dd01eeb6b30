using System.Buffers.Text;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Users;

namespace OrderTracking.Infrastructure.Identity;

/// <summary>Issues HS256 access tokens carrying the user's id, email, display name, role, session version and session id.</summary>
public sealed class JwtTokenService(IOptions<JwtOptions> options, TimeProvider timeProvider) : ITokenService
{
    private readonly JsonWebTokenHandler _handler = new();

    public AccessToken CreateAccessToken(User user, Guid sessionId)
    {
        var jwt = options.Value;
        var now = timeProvider.GetUtcNow();
        var expires = now.AddMinutes(jwt.AccessTokenMinutes);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(jwt), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim(JwtRegisteredClaimNames.Email, user.Email),
                new Claim(JwtRegisteredClaimNames.Name, user.DisplayName),
                new Claim(TokenClaims.Role, user.Role.ToString()),
                new Claim(TokenClaims.SessionVersion, user.SessionVersion.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer32),
                new Claim(TokenClaims.SessionId, sessionId.ToString()),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
        });
        return new AccessToken(token, expires, jwt.AccessTokenMinutes * 60);
    }

    public (string Token, byte[] Hash) NewRefreshToken()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, HashRefreshToken(token));
    }

    /// <summary>
    /// The token that succeeds <paramref name="spentTokenId"/> in its family: an HMAC of the spent token's id under a
    /// key derived from the signing key. Deriving it, rather than storing it, lets a repeat within the reuse grace get
    /// the very same successor while only hashes are ever stored.
    /// </summary>
    public (string Token, byte[] Hash) SuccessorRefreshToken(Guid spentTokenId)
    {
        var token = Base64Url.EncodeToString(HMACSHA256.HashData(SuccessorKey(), spentTokenId.ToByteArray()));
        return (token, HashRefreshToken(token));
    }

    private byte[] SuccessorKey() =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(options.Value.SigningKey), 32, info: "order-tracking refresh-token successor"u8.ToArray());

    /// <summary>SHA-256 is enough: the token is 256 random bits, so there is nothing to guess or brute-force.</summary>
    public byte[] HashRefreshToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static SymmetricSecurityKey SigningKey(JwtOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey)) { KeyId = "ot-hs256" };
}
