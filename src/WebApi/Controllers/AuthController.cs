using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Auth.Commands.Logout;
using OrderTracking.Application.Auth.Commands.RefreshSession;
using SessionOptions = OrderTracking.Application.Auth.Common.SessionOptions;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.WebApi.Security;
using OrderTracking.Application.Auth.Commands.Login;
using OrderTracking.Application.Auth.Queries.GetCurrentUser;
using OrderTracking.Application.Users.Common;

namespace OrderTracking.WebApi.Controllers;

/// <summary>
/// Sign-in and the signed-in user. The refresh token travels in the JSON body by default (integrators); a browser
/// sends <c>X-Session-Transport: cookie</c> and gets it in an HttpOnly cookie instead, out of reach of any script.
/// </summary>
[Route("api/auth")]
public sealed class AuthController(IMediator mediator, IOptions<SessionOptions> sessionOptions) : ApiControllerBase
{
    /// <summary>
    /// Signs in with email and password. The same 401 answers an unknown email and a wrong password.
    /// With <c>X-Session-Transport: cookie</c> the refresh token is set as the HttpOnly cookie __Host-ot_refresh and left out of the body.
    /// </summary>
    /// <param name="request">Email and password.</param>
    /// <param name="sessionTransport">"cookie" from a browser: the refresh token travels only in an HttpOnly cookie, never in a body.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignIn)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<LoginResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    public async Task<LoginResult> Login(
        LoginCommand request,
        [FromHeader(Name = RefreshTokenCookie.TransportHeader), MaxLength(RefreshTokenCookie.TransportHeaderMaxLength)] string? sessionTransport,
        CancellationToken cancellationToken) =>
        Deliver(await mediator.Send(request, cancellationToken), sessionTransport);

    /// <summary>
    /// Spends a refresh token for a new pair of tokens. Each refresh token works once: presenting a spent one
    /// again ends the whole session (someone else holds a copy), and the answer is 401.
    /// With <c>X-Session-Transport: cookie</c> and no refreshToken in the body, the token comes from the cookie and its successor goes back in it.
    /// </summary>
    /// <param name="request">The refresh token; leave it out with the cookie transport.</param>
    /// <param name="sessionTransport">"cookie" from a browser: the refresh token travels only in an HttpOnly cookie, never in a body.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpPost("refresh")]
    [AllowAnonymous]
    [DisableRateLimiting] // Its bucket is the token's session, which only the handler reads (IRefreshRateLimiter).
    [ServiceFilter<RefreshRateLimitFilter>]
    [ProducesResponseType<LoginResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public async Task<LoginResult> Refresh(
        RefreshSessionCommand request,
        [FromHeader(Name = RefreshTokenCookie.TransportHeader), MaxLength(RefreshTokenCookie.TransportHeaderMaxLength)] string? sessionTransport,
        CancellationToken cancellationToken)
    {
        if (RefreshTokenCookie.IsRequested(sessionTransport) && string.IsNullOrEmpty(request.RefreshToken))
        {
            // A browser with no cookie has no session to restore: that is "sign in", not a malformed request.
            request = request with { RefreshToken = RefreshTokenCookie.Read(Request) ?? throw new UnauthenticatedException("There is no session to restore. Sign in.") };
        }

        return Deliver(await mediator.Send(request, cancellationToken), sessionTransport);
    }

    /// <summary>
    /// Signs out: the session of the access token that sends it ends (and the session of the refresh token given, when
    /// that is another of the caller's). Its access tokens are refused from the next request, its refresh tokens can
    /// no longer be spent, and its live connections close.
    /// With <c>X-Session-Transport: cookie</c> the token may come from the cookie instead of the body, and the cookie is cleared.
    /// </summary>
    /// <param name="request">The refresh token; leave it out with the cookie transport.</param>
    /// <param name="sessionTransport">"cookie" from a browser: the refresh token travels only in an HttpOnly cookie, never in a body.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpPost("logout")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Logout(
        LogoutCommand request,
        [FromHeader(Name = RefreshTokenCookie.TransportHeader), MaxLength(RefreshTokenCookie.TransportHeaderMaxLength)] string? sessionTransport,
        CancellationToken cancellationToken)
    {
        var cookieTransport = RefreshTokenCookie.IsRequested(sessionTransport);
        if (cookieTransport && string.IsNullOrEmpty(request.RefreshToken))
        {
            request = request with { RefreshToken = RefreshTokenCookie.Read(Request) };
        }

        await mediator.Send(request, cancellationToken);
        if (cookieTransport)
        {
            RefreshTokenCookie.Clear(Response);
        }

        return NoContent();
    }

    /// <summary>The signed-in user.</summary>
    [HttpGet("me")]
    [ProducesResponseType<UserDto>(StatusCodes.Status200OK)]
    public async Task<UserDto> Me(CancellationToken cancellationToken) =>
        await mediator.Send(new GetCurrentUserQuery(), cancellationToken);

    private LoginResult Deliver(LoginResult result, string? sessionTransport)
    {
        if (!RefreshTokenCookie.IsRequested(sessionTransport) || result.RefreshToken is null)
        {
            return result;
        }

        RefreshTokenCookie.Write(Response, result.RefreshToken, TimeSpan.FromDays(sessionOptions.Value.RefreshTokenDays));
        return result with { RefreshToken = null };
    }
}
