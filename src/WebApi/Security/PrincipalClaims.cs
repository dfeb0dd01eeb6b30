using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using OrderTracking.Domain.Common;
using OrderTracking.Infrastructure.Identity;

namespace OrderTracking.WebApi.Security;

/// <summary>
/// The one reader of the claims this API's principals carry (<see cref="TokenClaims"/> and the registered JWT names):
/// who the caller is and which session its token belongs to. The token issuer and the authentication handlers write
/// the claims; everything else in the WebApi reads them here, so a claim is named in one place on each side.
/// </summary>
public static class PrincipalClaims
{
    /// <summary>The caller as the Application sees it: a partner (API key) or a user (JWT); null when unauthenticated or unreadable.</summary>
    public static Actor? ToActor(this ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var name = principal.FindFirstValue(JwtRegisteredClaimNames.Name) ?? string.Empty;
        if (principal.FindFirstValue(TokenClaims.PartnerId) is { } partnerId)
        {
            return Guid.TryParse(partnerId, out var pid) ? new Actor(ActorType.Partner, pid, name) : null;
        }

        return principal.UserId() is { } id
            && Enum.TryParse<ActorType>(principal.FindFirstValue(TokenClaims.Role), out var type)
            && type is not ActorType.Partner
            ? new Actor(type, id, name)
            : null;
    }

    /// <summary>The signed-in user (<c>sub</c>), whatever its session's state.</summary>
    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(JwtRegisteredClaimNames.Sub), out var id) ? id : null;

    /// <summary>The delivery partner an API key authenticated.</summary>
    public static Guid? PartnerId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(TokenClaims.PartnerId), out var id) ? id : null;

    /// <summary>The session (<c>sid</c>) an authenticated principal's token was issued for.</summary>
    public static Guid? SessionId(this ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true && Guid.TryParse(principal.FindFirstValue(TokenClaims.SessionId), out var id) ? id : null;

    /// <summary>The user's session version when the token was issued.</summary>
    public static int? SessionVersion(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(TokenClaims.SessionVersion), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
}
