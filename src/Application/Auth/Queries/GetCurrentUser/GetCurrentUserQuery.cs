using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Users.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Auth.Queries.GetCurrentUser;

[Authorize(ActorType.Admin, ActorType.Merchant, ActorType.Delivery)]
public sealed record GetCurrentUserQuery : IQuery<UserDto>;

public sealed class GetCurrentUserQueryHandler(ICurrentActor currentActor, IUserRepository users) : IQueryHandler<GetCurrentUserQuery, UserDto>
{
    public async ValueTask<UserDto> Handle(GetCurrentUserQuery query, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var user = await users.FindByIdAsync(actor.Id, cancellationToken);
        return user is { IsActive: true } ? user.ToDto() : throw new UnauthenticatedException("This account is no longer active.");
    }
}
