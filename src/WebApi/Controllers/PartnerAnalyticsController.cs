using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OrderTracking.Application.Analytics.Queries.GetAnalyticsSummary;
using OrderTracking.WebApi.Filters;
using OrderTracking.WebApi.Security;

namespace OrderTracking.WebApi.Controllers;

/// <summary>
/// Delivery analytics for delivery partners' systems, authenticated with an API key in <c>X-Api-Key</c> (JWTs are
/// refused here): the figures of the orders assigned to the calling partner.
/// </summary>
[ApiController]
[Route("api/partner/analytics")]
[Authorize(Policy = AuthPolicies.Partner)]
[EnableRateLimiting(RateLimits.Partner)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
[ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
public sealed class PartnerAnalyticsController(IMediator mediator) : ControllerBase
{
    /// <summary>
    /// The same figures as <c>GET /api/analytics/summary</c> over the orders now assigned to the calling partner that
    /// were created at or after <c>from</c> and before <c>to</c> (no top merchants).
    /// </summary>
    /// <param name="from">Start of the range, inclusive (ISO 8601 with an offset, e.g. 2026-01-01T00:00:00+01:00). Default: 30 days before <c>to</c>.</param>
    /// <param name="to">End of the range, exclusive (ISO 8601 with an offset). Default: now. At most 731 days after <c>from</c>.</param>
    /// <param name="timeZone">IANA time zone for the per-day counts, such as Europe/Berlin. Default: UTC.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("summary")]
    [Sends<GetAnalyticsSummaryQuery>]
    [ProducesResponseType<AnalyticsSummary>(StatusCodes.Status200OK)]
    public async Task<AnalyticsSummary> Summary([FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, [FromQuery] string? timeZone, CancellationToken cancellationToken) =>
        await mediator.Send(new GetAnalyticsSummaryQuery(from, to, timeZone), cancellationToken);
}
