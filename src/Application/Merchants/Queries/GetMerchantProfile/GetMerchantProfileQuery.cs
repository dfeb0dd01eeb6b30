using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Merchants.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Merchants.Queries.GetMerchantProfile;

/// <summary>A merchant's profile and pickup locations: the merchant's own, or any merchant's for an admin.</summary>
[Authorize(ActorType.Merchant, ActorType.Admin)]
public sealed record GetMerchantProfileQuery(Guid MerchantId) : IQuery<MerchantProfileDto>;

public sealed class GetMerchantProfileQueryHandler(ICurrentActor currentActor, IMerchantProfileRepository profiles)
    : IQueryHandler<GetMerchantProfileQuery, MerchantProfileDto>
{
    public async ValueTask<MerchantProfileDto> Handle(GetMerchantProfileQuery query, CancellationToken cancellationToken) =>
        (await profiles.FindManagedAsync(currentActor.Required(), query.MerchantId, cancellationToken)).ToDto();
}
