using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
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
    [ProducesResponseType<LoginResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    public async Task<LoginResult> Login(LoginCommand request, CancellationToken cancellationToken) =>
        await mediator.Send(request, cancellationToken);

    /// <summary>The signed-in user.</summary>
    [HttpGet("me")]
    [ProducesResponseType<UserDto>(StatusCodes.Status200OK)]
    public async Task<UserDto> Me(CancellationToken cancellationToken) =>
        await mediator.Send(new GetCurrentUserQuery(), cancellationToken);
}
