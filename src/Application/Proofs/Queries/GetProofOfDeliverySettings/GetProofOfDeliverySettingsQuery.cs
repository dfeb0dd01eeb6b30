using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Merchants.Common;
using OrderTracking.Application.Proofs.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Proofs.Queries.GetProofOfDeliverySettings;

/// <summary>A merchant's proof-of-delivery settings (the defaults until it saves some); for that merchant and admins.</summary>
[Authorize(ActorType.Admin, ActorType.Merchant)]
public sealed record GetProofOfDeliverySettingsQuery(Guid MerchantId) : IQuery<ProofOfDeliverySettingsDto>;

public sealed class GetProofOfDeliverySettingsQueryHandler(ICurrentActor currentActor, IDeliveryProofRepository proofs)
    : IQueryHandler<GetProofOfDeliverySettingsQuery, ProofOfDeliverySettingsDto>
{
    public async ValueTask<ProofOfDeliverySettingsDto> Handle(GetProofOfDeliverySettingsQuery query, CancellationToken cancellationToken)
    {
        MerchantProfiles.EnsureMayManage(currentActor.Required(), query.MerchantId);
        return (await proofs.GetPolicyAsync(query.MerchantId, cancellationToken)).ToSettings();
    }
}
