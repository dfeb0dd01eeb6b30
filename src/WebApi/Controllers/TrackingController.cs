using System.ComponentModel.DataAnnotations;
using OrderTracking.Domain.Orders;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OrderTracking.WebApi.Security;
using OrderTracking.Application.Proofs.Queries.GetTrackingPhoto;
using OrderTracking.Application.Tracking;
using OrderTracking.Application.Tracking.Commands.RequestDelivery;
using OrderTracking.Application.Tracking.Queries.GetTracking;
using OrderTracking.WebApi.Filters;
using OrderTracking.WebApi.LiveMap;

namespace OrderTracking.WebApi.Controllers;

/// <summary>Public order tracking for customers: no sign-in, nothing personal.</summary>
[ApiController]
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Tracking)]
[Route("api/tracking")]
public sealed class TrackingController(IMediator mediator) : ControllerBase
{
    /// <summary>The live status and timeline of the order with this tracking code.</summary>
    [HttpGet("{trackingCode}")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<TrackingDto>(StatusCodes.Status200OK)]
    public async Task<TrackingDto> Get([MaxLength(TrackingCode.MaxPresentedLength)] string trackingCode, CancellationToken cancellationToken) =>
        await mediator.Send(new GetTrackingQuery(trackingCode), cancellationToken);

    /// <summary>
    /// After a failed delivery attempt: instructions for the courier, another day (one of the view's
    /// <c>redelivery.dates</c>), or both. The answer says when it was received and nothing else; rate-limited per code.
    /// </summary>
    [HttpPost("{trackingCode}/delivery-request")]
    [Sends<RequestDeliveryCommand>]
    [EnableRateLimiting(RateLimits.DeliveryRequest)]
    [ProducesResponseType<TrackingDeliveryRequestDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public async Task<TrackingDeliveryRequestDto> RequestDelivery([MaxLength(TrackingCode.MaxPresentedLength)] string trackingCode, DeliveryRequestRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(new RequestDeliveryCommand(trackingCode, request.Instructions, request.PreferredDate), cancellationToken);

    /// <summary>
    /// The delivery photo of the order with this tracking code, when its merchant shows it to customers
    /// (<c>delivery.hasPhoto</c>); 404 otherwise, the same as for an unknown code.
    /// </summary>
    [HttpGet("{trackingCode}/delivery-photo")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    [ProducesResponseType<FileResult>(StatusCodes.Status200OK, "image/jpeg", "image/png", "image/webp")]
    public async Task<IActionResult> DeliveryPhoto([MaxLength(TrackingCode.MaxPresentedLength)] string trackingCode, CancellationToken cancellationToken)
    {
        var photo = await mediator.Send(new GetTrackingPhotoQuery(trackingCode), cancellationToken);
        Response.Headers.CacheControl = "private, no-store";
        return File(photo.Content, photo.ContentType);
    }
}
