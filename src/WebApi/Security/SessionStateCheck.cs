using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OrderTracking.Application.Common.Interfaces;

namespace OrderTracking.WebApi.Security;

/// <summary>
/// A well-signed access token is not enough: its user must still exist, be active and be at the session version
/// the token carries, and the session the token names (<c>sid</c>) must not have ended. A deactivation, a role change
/// or a password reset moves the version on, and signing out ends the session, so the tokens concerned fail here on
/// the next request, on every instance (within the check's cache time on the others). A token without a session is
/// refused. A route that needs a signed-in user answers 401;
/// an anonymous one (sign-in, public tracking, the hub) goes on as if no token had been sent.
/// </summary>
/// <remarks>
/// A middleware right after authentication rather than the bearer handler's OnTokenValidated event: the handler logs
/// any exception from its events as an error of its own and rethrows it, so a database that is down would be logged
/// twice for one request (the handler, then the one exception handler that answers 503).
/// </remarks>
public sealed class SessionStateCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IUserSessionCheck check)
    {
        if (context.User.Identity?.IsAuthenticated == true && !await IsCurrentAsync(context.User, check, context.RequestAborted))
        {
            var endpoint = context.GetEndpoint();
            if (endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is null && endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null)
            {
                await AuthenticationProblems.WriteAsync(context, "The session of this access token has ended. Sign in again.", "Bearer");
                return;
            }

            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(context);
    }

    private static async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IUserSessionCheck check, CancellationToken cancellationToken) =>
        principal.UserId() is { } userId
        && principal.SessionVersion() is { } sessionVersion
        && principal.SessionId() is { } sessionId
        && await check.IsCurrentAsync(userId, sessionVersion, sessionId, cancellationToken);
}
