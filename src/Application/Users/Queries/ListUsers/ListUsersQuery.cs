using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Validation;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Users.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Users;

namespace OrderTracking.Application.Users.Queries.ListUsers;

/// <summary>Users, optionally of one role and whose name or email contains <see cref="Search"/>.</summary>
[Authorize(ActorType.Admin)]
public sealed record ListUsersQuery(UserRole? Role = null, string? Search = null) : IQuery<IReadOnlyList<UserDto>>;

public sealed class ListUsersQueryValidator : AbstractValidator<ListUsersQuery>
{
    public const int MaxSearchLength = 100;

    public ListUsersQueryValidator()
    {
        RuleFor(q => q.Role).IsInEnum().WithMessage("Choose a role.");
        RuleFor(q => q.Search).OptionalText(MaxSearchLength, "the search");
    }
}

public sealed class ListUsersQueryHandler(IUserRepository users) : IQueryHandler<ListUsersQuery, IReadOnlyList<UserDto>>
{
    public async ValueTask<IReadOnlyList<UserDto>> Handle(ListUsersQuery query, CancellationToken cancellationToken) =>
        (await users.ListAsync(query.Role, cancellationToken, query.Search)).Select(u => u.ToDto()).ToList();
}
