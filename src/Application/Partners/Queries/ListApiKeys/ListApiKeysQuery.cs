using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Partners.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Partners.Queries.ListApiKeys;

[Authorize(ActorType.Admin)]
public sealed record ListApiKeysQuery(Guid PartnerId) : IQuery<IReadOnlyList<ApiKeyDto>>;

public sealed class ListApiKeysQueryHandler(IPartnerRepository partners) : IQueryHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyDto>>
{
    public async ValueTask<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        _ = await partners.FindByIdAsync(query.PartnerId, cancellationToken) ?? throw new NotFoundException("Partner", query.PartnerId);
        return (await partners.ListKeysAsync(query.PartnerId, cancellationToken)).Select(k => k.ToDto()).ToList();
    }
}
