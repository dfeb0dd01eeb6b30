using Mediator;
using Microsoft.AspNetCore.Mvc;
using OrderTracking.Application.Merchants.Commands.AddPickupLocation;
using OrderTracking.Application.Merchants.Commands.RemovePickupLocation;
using OrderTracking.Application.Merchants.Commands.SaveMerchantProfile;
using OrderTracking.Application.Merchants.Commands.UpdatePickupLocation;
using OrderTracking.Application.Merchants.Common;
using OrderTracking.Application.Merchants.Queries.GetMerchantProfile;
using OrderTracking.Application.Proofs.Commands.SaveProofOfDeliverySettings;
using OrderTracking.Application.Proofs.Common;
using OrderTracking.Application.Proofs.Queries.GetProofOfDeliverySettings;
using OrderTracking.WebApi.Contracts;
using OrderTracking.WebApi.Filters;

namespace OrderTracking.WebApi.Controllers;

/// <summary>Merchant profiles and pickup locations: a merchant manages its own, an admin any merchant's.</summary>
[Route("api/merchants/{merchantId:guid}")]
public sealed class MerchantsController(IMediator mediator) : ApiControllerBase
{
    /// <summary>The merchant's business name, public contact and pickup locations; 404 until the profile is saved once.</summary>
    [HttpGet("profile")]
    [ProducesResponseType<MerchantProfileDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<MerchantProfileDto> GetProfile(Guid merchantId, CancellationToken cancellationToken) =>
        await mediator.Send(new GetMerchantProfileQuery(merchantId), cancellationToken);

    /// <summary>Creates or replaces the business name and public contact; the pickup locations stay as they are.</summary>
    [HttpPut("profile")]
    [Sends<SaveMerchantProfileCommand>]
    [ProducesResponseType<MerchantProfileDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<MerchantProfileDto> SaveProfile(Guid merchantId, SaveMerchantProfileRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(new SaveMerchantProfileCommand(merchantId, request.BusinessName, request.ContactPhone, request.ContactEmail), cancellationToken);

    /// <summary>Adds a pickup location (the profile must exist); the first one becomes the default.</summary>
    [HttpPost("pickup-locations")]
    [Sends<AddPickupLocationCommand>]
    [ProducesResponseType<PickupLocationDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<PickupLocationDto>> AddPickupLocation(Guid merchantId, PickupLocationRequest request, CancellationToken cancellationToken)
    {
        var location = await mediator.Send(
            new AddPickupLocationCommand(merchantId, request.Label, request.Address, request.Instructions, request.IsDefault), cancellationToken);
        return CreatedAtAction(nameof(GetProfile), new { merchantId }, location);
    }

    /// <summary>Changes a pickup location. Orders already created keep the address they were created with.</summary>
    [HttpPut("pickup-locations/{locationId:guid}")]
    [Sends<UpdatePickupLocationCommand>]
    [ProducesResponseType<PickupLocationDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<PickupLocationDto> UpdatePickupLocation(Guid merchantId, Guid locationId, PickupLocationRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(
            new UpdatePickupLocationCommand(merchantId, locationId, request.Label, request.Address, request.Instructions, request.IsDefault), cancellationToken);

    /// <summary>Removes a pickup location; if it was the default, the oldest remaining one becomes the default.</summary>
    [HttpDelete("pickup-locations/{locationId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> RemovePickupLocation(Guid merchantId, Guid locationId, CancellationToken cancellationToken)
    {
        await mediator.Send(new RemovePickupLocationCommand(merchantId, locationId), cancellationToken);
        return NoContent();
    }

    /// <summary>What couriers and partners capture when they deliver this merchant's orders, and whether customers see the photo; the defaults until saved.</summary>
    [HttpGet("proof-of-delivery-settings")]
    [ProducesResponseType<ProofOfDeliverySettingsDto>(StatusCodes.Status200OK)]
    public async Task<ProofOfDeliverySettingsDto> GetProofOfDeliverySettings(Guid merchantId, CancellationToken cancellationToken) =>
        await mediator.Send(new GetProofOfDeliverySettingsQuery(merchantId), cancellationToken);

    /// <summary>Sets what couriers and partners capture at the door (each Off, Optional or Required; the position at most Optional) and whether customers see the photo.</summary>
    [HttpPut("proof-of-delivery-settings")]
    [Sends<SaveProofOfDeliverySettingsCommand>]
    [ProducesResponseType<ProofOfDeliverySettingsDto>(StatusCodes.Status200OK)]
    public async Task<ProofOfDeliverySettingsDto> SaveProofOfDeliverySettings(Guid merchantId, ProofOfDeliverySettingsRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(
            new SaveProofOfDeliverySettingsCommand(merchantId, request.Photo, request.Signature, request.RecipientName, request.Position, request.ShowPhotoOnTracking),
            cancellationToken);
}
