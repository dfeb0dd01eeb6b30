using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Merchants.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Merchants;

namespace OrderTracking.Application.Merchants.Queries.GetTrackingPageSettings;

/// <summary>The merchant's tracking-page settings, or the defaults while it has saved none.</summary>
[Authorize(ActorType.Merchant, ActorType.Admin)]
public sealed record GetTrackingPageSettingsQuery(Guid MerchantId) : IQuery<TrackingPageSettingsDto>;

public sealed class GetTrackingPageSettingsQueryHandler(ICurrentActor currentActor, ITrackingPageSettingsRepository settings)
    : IQueryHandler<GetTrackingPageSettingsQuery, TrackingPageSettingsDto>
{
    public async ValueTask<TrackingPageSettingsDto> Handle(GetTrackingPageSettingsQuery query, CancellationToken cancellationToken)
    {
        MerchantProfiles.EnsureMayManage(currentActor.Required(), query.MerchantId);
        return TrackingPageSettingsDto.From(await settings.FindAsync(query.MerchantId, cancellationToken) ?? TrackingPageSettings.Default(query.MerchantId));
    }
}
