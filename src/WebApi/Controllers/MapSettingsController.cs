using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OrderTracking.WebApi.LiveMap;
using OrderTracking.WebApi.Security;

namespace OrderTracking.WebApi.Controllers;

/// <summary>The map tiles' source for the web client (configuration, not data: it carries nothing about any order).</summary>
[ApiController]
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Tracking)]
[Route("api/map-settings")]
public sealed class MapSettingsController(IOptions<MapOptions> options) : ControllerBase
{
    /// <summary>The tile URL template, its attribution and the deepest zoom.</summary>
    [HttpGet]
    [ResponseCache(Duration = 300)]
    [ProducesResponseType<MapSettingsDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public MapSettingsDto Get() => new(options.Value.TileUrl, options.Value.Attribution, options.Value.MaxZoom);
}
