using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Commands.AssignOrder;
using OrderTracking.Application.Orders.Commands.ChangeOrderStatus;
using OrderTracking.Application.Orders.Commands.ClaimOrder;
using OrderTracking.Application.Orders.Commands.CreateOrder;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Application.Orders.Queries.CountOrders;
using OrderTracking.Application.Orders.Queries.ExportOrders;
using OrderTracking.Application.Orders.Queries.GetOrder;
using OrderTracking.Application.Orders.Queries.GetOrderHistory;
using OrderTracking.Application.Orders.Queries.ListOrders;
using OrderTracking.Application.Proofs.Commands.DeliverWithProof;
using OrderTracking.Application.Proofs.Common;
using OrderTracking.Application.Proofs.Queries.GetProofFile;
using OrderTracking.Application.Proofs.Queries.GetProofOfDelivery;
using OrderTracking.Domain.Orders;
using OrderTracking.WebApi.Contracts;
using OrderTracking.WebApi.Filters;
using OrderTracking.WebApi.Idempotency;
using OrderTracking.WebApi.Security;

namespace OrderTracking.WebApi.Controllers;

/// <summary>Orders: create, list, follow and move them through their lifecycle.</summary>
[Route("api/orders")]
public sealed class OrdersController(IMediator mediator) : ApiControllerBase
{
    /// <summary>Creates an order (merchants; an admin names the merchant). Send an <c>Idempotency-Key</c> to retry safely.</summary>
    [HttpPost]
    [Idempotent]
    [ProducesResponseType<OrderDto>(StatusCodes.Status201Created)]
    public async Task<ActionResult<OrderDto>> Create(CreateOrderCommand request, CancellationToken cancellationToken)
    {
        var order = await mediator.Send(request, cancellationToken);
        Response.Headers.ETag = ETag.For(order.Version);
        return CreatedAtAction(nameof(Get), new { id = order.Id }, order);
    }

    /// <summary>One page of the orders the caller may see, newest first. Pass <c>nextCursor</c> back as <c>cursor</c> for the next page.</summary>
    /// <param name="filter">Which orders.</param>
    /// <param name="limit">Page size, 1 to 100 (default 25).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet]
    [Sends<ListOrdersQuery>]
    [ProducesResponseType<OrderPage>(StatusCodes.Status200OK)]
    public async Task<OrderPage> List([FromQuery] OrderFilterParameters filter, [FromQuery] int? limit, [FromQuery] string? cursor, CancellationToken cancellationToken) =>
        await mediator.Send(new ListOrdersQuery(filter.ToFilter(), limit, cursor), cancellationToken);

    /// <summary>How many orders the list's filters match: exact up to 10 000, then <c>isCapped</c> ("10 000+"). Separate from the page, so paging never waits for a count.</summary>
    /// <param name="filter">Which orders, as for the list.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("count")]
    [Sends<CountOrdersQuery>]
    [ProducesResponseType<OrderCount>(StatusCodes.Status200OK)]
    public async Task<OrderCount> Count([FromQuery] OrderFilterParameters filter, CancellationToken cancellationToken) =>
        await mediator.Send(new CountOrdersQuery(filter.ToFilter()), cancellationToken);

    /// <summary>
    /// The orders of the list's filters as CSV (UTF-8, RFC 4180), streamed. A user streams at most a few exports at once
    /// (429 beyond), and an export runs for at most a few minutes.
    /// </summary>
    [HttpGet("export")]
    [Sends<ExportOrdersQuery>]
    [ServiceFilter<ExportSlotFilter>]
    [ProducesResponseType<FileResult>(StatusCodes.Status200OK, "text/csv")]
    public async Task Export([FromQuery] OrderFilterParameters filter, [FromServices] IOrderCsvWriter csvWriter, CancellationToken cancellationToken)
    {
        var rows = await mediator.Send(new ExportOrdersQuery(filter.ToFilter()), cancellationToken);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"orders.csv\"";
        await csvWriter.WriteAsync(rows, Response.Body, cancellationToken);
    }

    /// <summary>One order. The <c>ETag</c> header carries its version for <c>If-Match</c>.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<OrderDto>(StatusCodes.Status200OK)]
    public async Task<OrderDto> Get(Guid id, CancellationToken cancellationToken) =>
        WithETag(await mediator.Send(new GetOrderQuery(id), cancellationToken));

    /// <summary>The order's timeline, oldest first.</summary>
    [HttpGet("{id:guid}/history")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<IReadOnlyList<OrderHistoryEntryDto>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<OrderHistoryEntryDto>> History(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetOrderHistoryQuery(id), cancellationToken);

    /// <summary>Moves the order to another status, as the lifecycle table allows the caller. Send an <c>Idempotency-Key</c> so a retry replays the first answer instead of a 409.</summary>
    /// <param name="id">The order.</param>
    /// <param name="request">The target status and its details.</param>
    /// <param name="ifMatch">The order's ETag as last read; a stale one gets 412.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpPost("{id:guid}/status")]
    [Sends<ChangeOrderStatusCommand>]
    [Idempotent]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed)]
    [ProducesResponseType<OrderDto>(StatusCodes.Status200OK)]
    public async Task<OrderDto> ChangeStatus(Guid id, ChangeOrderStatusRequest request, [FromHeader(Name = "If-Match"), MaxLength(ETag.MaxLength)] string? ifMatch, CancellationToken cancellationToken) =>
        await mediator.ChangeStatusAsync(OrderKey.ById(id), request, ifMatch, Response, cancellationToken);

    /// <summary>
    /// Marks the order delivered with its proof of delivery, as <c>multipart/form-data</c>: the recipient's name, a photo
    /// and a signature (JPEG, PNG or WebP, told by their content; at most <c>ProofOfDelivery:MaxFileBytes</c>, 5 MB by
    /// default; stored without EXIF or other metadata) and the position at the door, each as the order's merchant asks
    /// (<c>GET …/proof-of-delivery</c> says what it asks). Send an <c>Idempotency-Key</c> so a retry replays the first answer.
    /// </summary>
    /// <param name="id">The order.</param>
    /// <param name="form">The proof, as the merchant asks for it.</param>
    /// <param name="ifMatch">The order's ETag as last read; a stale one gets 412.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpPost("{id:guid}/proof-of-delivery")]
    [Sends<DeliverWithProofCommand>]
    [Idempotent]
    [Consumes("multipart/form-data")]
    [RequestSizeLimit(ProofOfDeliveryOptions.MaxUploadBodyBytes)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<OrderDto>(StatusCodes.Status200OK)]
    public async Task<OrderDto> DeliverWithProof(
        Guid id, [FromForm] ProofOfDeliveryForm form, [FromHeader(Name = "If-Match"), MaxLength(ETag.MaxLength)] string? ifMatch, CancellationToken cancellationToken) =>
        await mediator.DeliverWithProofAsync(OrderKey.ById(id), form, ifMatch, Response, cancellationToken);

    /// <summary>
    /// What the order's merchant asks for at the door and, once the order is delivered, the proof captured (name,
    /// whether there are a photo and a signature, position, times). For whoever may see the order.
    /// </summary>
    [HttpGet("{id:guid}/proof-of-delivery")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProofOfDeliveryDto>(StatusCodes.Status200OK)]
    public async Task<ProofOfDeliveryDto> ProofOfDelivery(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetProofOfDeliveryQuery(OrderKey.ById(id)), cancellationToken);

    /// <summary>The photo of the order's proof of delivery; 404 when there is none (not taken, or past retention).</summary>
    [HttpGet("{id:guid}/proof-of-delivery/photo")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<FileResult>(StatusCodes.Status200OK, "image/jpeg", "image/png", "image/webp")]
    public async Task<IActionResult> ProofOfDeliveryPhoto(Guid id, CancellationToken cancellationToken) =>
        ProofImage(await mediator.Send(new GetProofFileQuery(OrderKey.ById(id), ProofFileKind.Photo), cancellationToken));

    /// <summary>The signature of the order's proof of delivery; 404 when there is none (not taken, or past retention).</summary>
    [HttpGet("{id:guid}/proof-of-delivery/signature")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<FileResult>(StatusCodes.Status200OK, "image/jpeg", "image/png", "image/webp")]
    public async Task<IActionResult> ProofOfDeliverySignature(Guid id, CancellationToken cancellationToken) =>
        ProofImage(await mediator.Send(new GetProofFileQuery(OrderKey.ById(id), ProofFileKind.Signature), cancellationToken));

    /// <summary>Assigns a courier or a delivery partner (owning merchant or admin, before pickup). Send an <c>Idempotency-Key</c> so a retry never records the assignment twice.</summary>
    [HttpPost("{id:guid}/assignment")]
    [Sends<AssignOrderCommand>]
    [Idempotent]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<OrderDto>(StatusCodes.Status200OK)]
    public async Task<OrderDto> Assign(Guid id, AssignOrderRequest request, CancellationToken cancellationToken) =>
        WithETag(await mediator.Send(new AssignOrderCommand(id, request.CourierId, request.PartnerId), cancellationToken));

    /// <summary>A courier takes an unassigned order that is ready for pickup. When two race, one gets 409. Send an <c>Idempotency-Key</c> so a retry replays the first answer.</summary>
    [HttpPost("{id:guid}/claim")]
    [Idempotent]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<OrderDto>(StatusCodes.Status200OK)]
    public async Task<OrderDto> Claim(Guid id, CancellationToken cancellationToken) =>
        WithETag(await mediator.Send(new ClaimOrderCommand(id), cancellationToken));

    /// <summary>Personal data: never kept by a shared cache.</summary>
    private FileContentResult ProofImage(ProofFileContent image)
    {
        Response.Headers.CacheControl = "private, no-store";
        return File(image.Content, image.ContentType);
    }

    private OrderDto WithETag(OrderDto order)
    {
        Response.Headers.ETag = ETag.For(order.Version);
        return order;
    }
}
