using System.ComponentModel.DataAnnotations;
using OrderTracking.Domain.Orders;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OrderTracking.Application.CourierPositions.Commands.ReportCourierPosition;
using OrderTracking.Application.Orders.Commands.ChangeOrderStatus;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Application.Orders.Queries.ListOrders;
using OrderTracking.Application.Proofs.Commands.DeliverWithProof;
using OrderTracking.Application.Proofs.Common;
using OrderTracking.Application.Proofs.Queries.GetProofFile;
using OrderTracking.Application.Proofs.Queries.GetProofOfDelivery;
using OrderTracking.WebApi.Contracts;
using OrderTracking.WebApi.Filters;
using OrderTracking.WebApi.Idempotency;
using OrderTracking.WebApi.LiveMap;
using OrderTracking.WebApi.Security;

namespace OrderTracking.WebApi.Controllers;

/// <summary>
/// For delivery partners' systems, authenticated with an API key in <c>X-Api-Key</c> (JWTs are refused here).
/// A partner sees and moves only the orders assigned to it; any other order is 404.
/// </summary>
[ApiController]
[Route("api/partner/orders")]
[Authorize(Policy = AuthPolicies.Partner)]
[EnableRateLimiting(RateLimits.Partner)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
[ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
public sealed class PartnerOrdersController(IMediator mediator) : ControllerBase
{
    /// <summary>One page of the orders assigned to the calling partner, newest first.</summary>
    /// <param name="filter">Which orders.</param>
    /// <param name="limit">Page size, 1 to 100 (default 25).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet]
    [Sends<ListOrdersQuery>]
    [ProducesResponseType<OrderPage>(StatusCodes.Status200OK)]
    public async Task<OrderPage> List([FromQuery] OrderFilterParameters filter, [FromQuery] int? limit, [FromQuery] string? cursor, CancellationToken cancellationToken) =>
        await mediator.Send(new ListOrdersQuery(filter.ToFilter(), limit, cursor), cancellationToken);

    /// <summary>
    /// Moves an order assigned to the calling partner to another status, by tracking code, with the same rules
    /// as the user route. Send an <c>Idempotency-Key</c> so a retry never records a step twice.
    /// </summary>
    /// <param name="trackingCode">The order's tracking code, such as OT-7F3K9Q2M4X.</param>
    /// <param name="request">The target status and its details.</param>
    /// <param name="ifMatch">The order's ETag as last read; a stale one gets 412.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpPost("{trackingCode}/status")]
    [Sends<ChangeOrderStatusCommand>]
    [Idempotent]
    [ProducesResponseType<OrderDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<OrderDto> ChangeStatus([MaxLength(TrackingCode.MaxPresentedLength)] string trackingCode, ChangeOrderStatusRequest request, [FromHeader(Name = "If-Match"), MaxLength(ETag.MaxLength)] string? ifMatch, CancellationToken cancellationToken) =>
        await mediator.ChangeStatusAsync(OrderKey.ByTrackingCode(trackingCode), request, ifMatch, Response, cancellationToken);

    /// <summary>
    /// Where the partner's courier carrying this order is now. Kept (replacing the previous one, never a trail) and sent
    /// live to the order's tracking page while the order is out for delivery; otherwise 409.
    /// </summary>
    /// <param name="trackingCode">The order's tracking code.</param>
    /// <param name="request">The position as the courier's device reports it.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpPut("{trackingCode}/courier-position")]
    [Sends<ReportCourierPositionCommand>]
    [ProducesResponseType<CourierPositionReceiptDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<CourierPositionReceiptDto> ReportCourierPosition([MaxLength(TrackingCode.MaxPresentedLength)] string trackingCode, CourierPositionRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(new ReportCourierPositionCommand(request.Latitude, request.Longitude, request.Accuracy, request.RecordedAt, trackingCode), cancellationToken);

    /// <summary>
    /// Marks an order assigned to the calling partner delivered with its proof of delivery, as <c>multipart/form-data</c>,
    /// with the same fields and rules as the user route <c>POST /api/orders/{id}/proof-of-delivery</c>. Send an
    /// <c>Idempotency-Key</c> so a retry never records the delivery twice.
    /// </summary>
    /// <param name="trackingCode">The order's tracking code, such as OT-7F3K9Q2M4X.</param>
    /// <param name="form">The proof, as the merchant asks for it.</param>
    /// <param name="ifMatch">The order's ETag as last read; a stale one gets 412.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpPost("{trackingCode}/proof-of-delivery")]
    [Sends<DeliverWithProofCommand>]
    [Idempotent]
    [Consumes("multipart/form-data")]
    [RequestSizeLimit(ProofOfDeliveryOptions.MaxUploadBodyBytes)]
    [ProducesResponseType<OrderDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<OrderDto> DeliverWithProof(
        [MaxLength(TrackingCode.MaxPresentedLength)] string trackingCode, [FromForm] ProofOfDeliveryForm form,
        [FromHeader(Name = "If-Match"), MaxLength(ETag.MaxLength)] string? ifMatch, CancellationToken cancellationToken) =>
        await mediator.DeliverWithProofAsync(OrderKey.ByTrackingCode(trackingCode), form, ifMatch, Response, cancellationToken);

    /// <summary>The proof of delivery of an order assigned to the calling partner: what its merchant asks for and what was captured.</summary>
    /// <param name="trackingCode">The order's tracking code.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("{trackingCode}/proof-of-delivery")]
    [ProducesResponseType<ProofOfDeliveryDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ProofOfDeliveryDto> ProofOfDelivery([MaxLength(TrackingCode.MaxPresentedLength)] string trackingCode, CancellationToken cancellationToken) =>
        await mediator.Send(new GetProofOfDeliveryQuery(OrderKey.ByTrackingCode(trackingCode)), cancellationToken);

    /// <summary>The photo or the signature of the proof of delivery of an order assigned to the calling partner.</summary>
    /// <param name="trackingCode">The order's tracking code.</param>
    /// <param name="kind">photo or signature.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("{trackingCode}/proof-of-delivery/{kind}")]
    [Sends<GetProofFileQuery>]
    [ProducesResponseType<FileResult>(StatusCodes.Status200OK, "image/jpeg", "image/png", "image/webp")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> ProofOfDeliveryImage([MaxLength(TrackingCode.MaxPresentedLength)] string trackingCode, ProofFileKind kind, CancellationToken cancellationToken)
    {
        var image = await mediator.Send(new GetProofFileQuery(OrderKey.ByTrackingCode(trackingCode), kind), cancellationToken);
        Response.Headers.CacheControl = "private, no-store";
        return File(image.Content, image.ContentType);
    }
}
