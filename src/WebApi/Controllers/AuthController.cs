using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OrderTracking.Application.Auth.Commands.Logout;
using OrderTracking.Application.Auth.Commands.RefreshSession;
using OrderTracking.WebApi.Security;
using OrderTracking.Application.Auth.Commands.Login;
using OrderTracking.Application.Auth.Queries.GetCurrentUser;
using OrderTracking.Application.Users.Common;

namespace OrderTracking.WebApi.Controllers;

/// <summary>Sign-in and the signed-in user.</summary>
[Route("api/auth")]
public sealed class AuthController(IMediator mediator) : ApiControllerBase
{
    /// <summary>Signs in with email and password. The same 401 answers an unknown email and a wrong password.</summary>
    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.SignIn)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<LoginResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    public async Task<LoginResult> Login(LoginCommand request, CancellationToken cancellationToken) =>
        await mediator.Send(request, cancellationToken);

    /// <summary>
    /// Spends a refresh token for a new pair of tokens. Each refresh token works once: presenting a spent one
    /// again ends the whole session (someone else holds a copy), and the answer is 401.
    /// </summary>
    [HttpPost("refresh")]
    [AllowAnonymous]
    [DisableRateLimiting] // Its bucket is per refresh token, which only exists once the body is bound.
    [ServiceFilter<RefreshRateLimitFilter>]
    [ProducesResponseType<LoginResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public async Task<LoginResult> Refresh(RefreshSessionCommand request, CancellationToken cancellationToken) =>
        await mediator.Send(request, cancellationToken);

    /// <summary>Signs out: the session of this refresh token ends and none of its tokens can be refreshed again.</summary>
    [HttpPost("logout")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Logout(LogoutCommand request, CancellationToken cancellationToken)
    {
        await mediator.Send(request, cancellationToken);
        return NoContent();
    }

    /// <summary>The signed-in user.</summary>
    [HttpGet("me")]
    [ProducesResponseType<UserDto>(StatusCodes.Status200OK)]
    public async Task<UserDto> Me(CancellationToken cancellationToken) =>
        await mediator.Send(new GetCurrentUserQuery(), cancellationToken);
}
