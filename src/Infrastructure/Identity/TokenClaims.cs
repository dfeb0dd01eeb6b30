namespace OrderTracking.Infrastructure.Identity;

/// <summary>Claim names this API puts in its tokens and principals.</summary>
public static class TokenClaims
{
    public const string Role = "role";
    public const string PartnerId = "partner_id";
}
