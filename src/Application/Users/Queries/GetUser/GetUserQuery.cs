using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Users.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Users.Queries.GetUser;

[Authorize(ActorType.Admin)]
public sealed record GetUserQuery(Guid UserId) : IQuery<UserDto>;

public sealed class GetUserQueryHandler(IUserRepository users) : IQueryHandler<GetUserQuery, UserDto>
{
    public async ValueTask<UserDto> Handle(GetUserQuery query, CancellationToken cancellationToken) =>
        (await users.FindByIdAsync(query.UserId, cancellationToken))?.ToDto() ?? throw new NotFoundException("User", query.UserId);
}
