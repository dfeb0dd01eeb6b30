using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Users;

namespace OrderTracking.Application.Orders.Queries.ListAssignees;

/// <summary>Who an order can be assigned to: the active couriers and delivery partners, by name only.</summary>
[Authorize(ActorType.Admin, ActorType.Merchant)]
public sealed record ListAssigneesQuery : IQuery<AssigneesDto>;

public sealed record AssigneesDto(IReadOnlyList<AssigneeDto> Couriers, IReadOnlyList<AssigneeDto> Partners);

public sealed record AssigneeDto(Guid Id, string Name);

public sealed class ListAssigneesQueryHandler(IUserRepository users, IPartnerRepository partners) : IQueryHandler<ListAssigneesQuery, AssigneesDto>
{
    public async ValueTask<AssigneesDto> Handle(ListAssigneesQuery query, CancellationToken cancellationToken)
    {
        var couriers = (await users.ListAsync(UserRole.Delivery, cancellationToken)).Where(u => u.IsActive).Select(u => new AssigneeDto(u.Id, u.DisplayName));
        var activePartners = (await partners.ListAsync(activeOnly: true, cancellationToken)).Select(p => new AssigneeDto(p.Id, p.Name));
        return new AssigneesDto(couriers.OrderBy(c => c.Name).ToList(), activePartners.ToList());
    }
}
