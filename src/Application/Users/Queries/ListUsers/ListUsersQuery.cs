using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Users.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Users;

namespace OrderTracking.Application.Users.Queries.ListUsers;

[Authorize(ActorType.Admin)]
public sealed record ListUsersQuery(UserRole? Role = null) : IQuery<IReadOnlyList<UserDto>>;

public sealed class ListUsersQueryHandler(IUserRepository users) : IQueryHandler<ListUsersQuery, IReadOnlyList<UserDto>>
{
    public async ValueTask<IReadOnlyList<UserDto>> Handle(ListUsersQuery query, CancellationToken cancellationToken) =>
        (await users.ListAsync(query.Role, cancellationToken)).Select(u => u.ToDto()).ToList();
}
