using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Common;
using OrderTracking.Infrastructure.Identity;

namespace OrderTracking.WebApi.Security;

/// <summary>Reads the <see cref="Actor"/> from the authenticated principal of the current request.</summary>
public sealed class CurrentActor(IHttpContextAccessor httpContextAccessor) : ICurrentActor
{
    public Actor? Actor => FromPrincipal(httpContextAccessor.HttpContext?.User);

    public Guid? SessionId => SessionIdOf(httpContextAccessor.HttpContext?.User);

    public static Guid? SessionIdOf(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true && Guid.TryParse(principal.FindFirstValue(TokenClaims.SessionId), out var id) ? id : null;

    public static Actor? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var partnerId = principal.FindFirstValue(TokenClaims.PartnerId);
        if (partnerId is not null)
        {
            return Guid.TryParse(partnerId, out var pid) ? new Actor(ActorType.Partner, pid, principal.FindFirstValue(JwtRegisteredClaimNames.Name) ?? string.Empty) : null;
        }

        return Guid.TryParse(principal.FindFirstValue(JwtRegisteredClaimNames.Sub), out var id)
            && Enum.TryParse<ActorType>(principal.FindFirstValue(TokenClaims.Role), out var type)
            && type is not ActorType.Partner
            ? new Actor(type, id, principal.FindFirstValue(JwtRegisteredClaimNames.Name) ?? string.Empty)
            : null;
    }
}
