using Mediator;
using Microsoft.AspNetCore.Mvc;
using OrderTracking.Application.Analytics.Queries.GetAnalyticsSummary;
using OrderTracking.WebApi.Filters;

namespace OrderTracking.WebApi.Controllers;

/// <summary>Delivery analytics for admins (every order) and merchants (their own orders).</summary>
[Route("api/analytics")]
public sealed class AnalyticsController(IMediator mediator) : ApiControllerBase
{
    /// <summary>
    /// Figures over the orders the caller may see that were created at or after <c>from</c> and before <c>to</c>:
    /// counts by current status, orders per calendar day in <c>timeZone</c>, minutes from creation to delivery
    /// (average and p90), the on-time rate against <c>estimatedDeliveryAt</c>, average minutes in each status,
    /// failed-delivery reasons and, for an admin, the top merchants. Admins and merchants only (others get 403).
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
