using Mediator;
using Microsoft.AspNetCore.Mvc;
using OrderTracking.Application.Users.Commands.CreateUser;
using OrderTracking.Application.Users.Commands.UpdateUser;
using OrderTracking.Application.Users.Common;
using OrderTracking.Application.Users.Queries.GetUser;
using OrderTracking.Application.Users.Queries.ListUsers;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.Contracts;
using OrderTracking.WebApi.Filters;

namespace OrderTracking.WebApi.Controllers;

/// <summary>User accounts (admins only).</summary>
[Route("api/users")]
public sealed class UsersController(IMediator mediator) : ApiControllerBase
{
    /// <summary>
    /// Every user, optionally of one role (for example Delivery, to pick a courier) and whose name or email contains
    /// search (any case).
    /// </summary>
    [HttpGet]
    [Sends<ListUsersQuery>]
    [ProducesResponseType<IReadOnlyList<UserDto>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<UserDto>> List([FromQuery] UserRole? role, [FromQuery] string? search, CancellationToken cancellationToken) =>
        await mediator.Send(new ListUsersQuery(role, search), cancellationToken);

    /// <summary>Opens an account.</summary>
    [HttpPost]
    [ProducesResponseType<UserDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<UserDto>> Create(CreateUserCommand request, CancellationToken cancellationToken)
    {
        var user = await mediator.Send(request, cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = user.Id }, user);
    }

    [HttpGet("{id:guid}")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<UserDto>(StatusCodes.Status200OK)]
    public async Task<UserDto> Get(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetUserQuery(id), cancellationToken);

    /// <summary>Renames, changes the role, (de)activates or resets the password of an account.</summary>
    [HttpPatch("{id:guid}")]
    [Sends<UpdateUserCommand>]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<UserDto>(StatusCodes.Status200OK)]
    public async Task<UserDto> Update(Guid id, UpdateUserRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(new UpdateUserCommand(id, request.DisplayName, request.Role, request.IsActive, request.Password), cancellationToken);
}
