using System.ComponentModel.DataAnnotations;
using OrderTracking.Domain.Orders;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OrderTracking.WebApi.Security;
using OrderTracking.Application.Tracking.Queries.GetTracking;

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
}
