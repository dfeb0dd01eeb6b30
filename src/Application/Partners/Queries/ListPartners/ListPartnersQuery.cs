using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Partners.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Partners.Queries.ListPartners;

[Authorize(ActorType.Admin)]
public sealed record ListPartnersQuery : IQuery<IReadOnlyList<PartnerDto>>;

public sealed class ListPartnersQueryHandler(IPartnerRepository partners) : IQueryHandler<ListPartnersQuery, IReadOnlyList<PartnerDto>>
{
    public async ValueTask<IReadOnlyList<PartnerDto>> Handle(ListPartnersQuery query, CancellationToken cancellationToken) =>
        (await partners.ListAsync(activeOnly: false, cancellationToken)).Select(p => p.ToDto()).ToList();
}
