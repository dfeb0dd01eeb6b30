using Mediator;
using Microsoft.AspNetCore.Mvc;
using OrderTracking.Application.Merchants.Commands.SaveTrackingPageSettings;
using OrderTracking.Application.Merchants.Common;
using OrderTracking.Application.Merchants.Queries.GetTrackingPageSettings;
using OrderTracking.WebApi.Filters;
using OrderTracking.WebApi.LiveMap;

namespace OrderTracking.WebApi.Controllers;

/// <summary>What a merchant's customers see and may choose on its tracking pages: a merchant its own, an admin any merchant's.</summary>
[Route("api/merchants/{merchantId:guid}/tracking-page")]
public sealed class TrackingPageSettingsController(IMediator mediator) : ApiControllerBase
{
    /// <summary>The settings, or the defaults (no prices; weekdays, up to 7 days ahead) while none are saved.</summary>
    [HttpGet]
    [ProducesResponseType<TrackingPageSettingsDto>(StatusCodes.Status200OK)]
    public async Task<TrackingPageSettingsDto> Get(Guid merchantId, CancellationToken cancellationToken) =>
        await mediator.Send(new GetTrackingPageSettingsQuery(merchantId), cancellationToken);

    /// <summary>Replaces the settings.</summary>
    [HttpPut]
    [Sends<SaveTrackingPageSettingsCommand>]
    [ProducesResponseType<TrackingPageSettingsDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<TrackingPageSettingsDto> Save(Guid merchantId, TrackingPageSettingsRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(new SaveTrackingPageSettingsCommand(merchantId, request.ShowPrices, request.RedeliveryDays, request.RedeliveryHorizonDays), cancellationToken);
}
