using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OrderTracking.Application.CourierPositions.Commands.ReportCourierPosition;
using OrderTracking.Application.CourierPositions.Queries.GetOrderCourierPosition;
using OrderTracking.WebApi.Filters;
using OrderTracking.WebApi.LiveMap;
using OrderTracking.WebApi.Security;

namespace OrderTracking.WebApi.Controllers;

/// <summary>A courier's position while it has orders out for delivery: reported by its app, read by the merchant's and admins' order pages.</summary>
public sealed class CourierPositionController(IMediator mediator) : ApiControllerBase
{
    /// <summary>
    /// The signed-in courier's current position. Kept (replacing the previous one, never a trail) and sent live to the
    /// tracking pages of its orders out for delivery only while it has one; otherwise 409, and the app stops sharing.
    /// </summary>
    [HttpPut("api/courier/position")]
    [Sends<ReportCourierPositionCommand>]
    [EnableRateLimiting(RateLimits.CourierPosition)]
    [ProducesResponseType<CourierPositionReceiptDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<CourierPositionReceiptDto> Report(CourierPositionRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(new ReportCourierPositionCommand(request.Latitude, request.Longitude, request.Accuracy, request.RecordedAt), cancellationToken);

    /// <summary>Where the courier carrying this order is, while the order is out for delivery (null otherwise).</summary>
    [HttpGet("api/orders/{orderId:guid}/courier-position")]
    [ProducesResponseType<OrderCourierPositionDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<OrderCourierPositionDto> ForOrder(Guid orderId, CancellationToken cancellationToken) =>
        await mediator.Send(new GetOrderCourierPositionQuery(orderId), cancellationToken);
}
