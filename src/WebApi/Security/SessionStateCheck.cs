using System.Globalization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Infrastructure.Identity;

namespace OrderTracking.WebApi.Security;

/// <summary>
/// A well-signed access token is not enough: its user must still exist, be active and be at the session version
/// the token carries. A deactivation, a role change or a password reset moves the version on, so the user's
/// earlier tokens fail here on the next request, on every instance.
/// </summary>
public static class SessionStateCheck
{
    public static async Task RefuseEndedSessionsAsync(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (!Guid.TryParse(principal?.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, out var userId)
            || !int.TryParse(principal?.FindFirst(TokenClaims.SessionVersion)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var sessionVersion))
        {
            context.Fail("The token does not name a user session.");
            return;
        }

        var check = context.HttpContext.RequestServices.GetRequiredService<IUserSessionCheck>();
        if (!await check.IsCurrentAsync(userId, sessionVersion, context.HttpContext.RequestAborted))
        {
            context.Fail("The session of this token has ended.");
        }
    }
}
