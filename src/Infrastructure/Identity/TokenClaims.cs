namespace OrderTracking.Infrastructure.Identity;

/// <summary>Claim names this API puts in its tokens and principals.</summary>
public static class TokenClaims
{
    public const string Role = "role";
    public const string PartnerId = "partner_id";

    /// <summary>The user's session version when the token was issued; a token behind the current one is refused.</summary>
    public const string SessionVersion = "sv";

    /// <summary>The session (the sign-in's family of refresh tokens) the token was issued for; signing out ends it.</summary>
    public const string SessionId = Microsoft.IdentityModel.JsonWebTokens.JwtRegisteredClaimNames.Sid;
}
