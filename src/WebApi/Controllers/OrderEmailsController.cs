using Mediator;
using Microsoft.AspNetCore.Mvc;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Application.Notifications.Queries.ListOrderEmails;
using OrderTracking.WebApi.Filters;

namespace OrderTracking.WebApi.Controllers;

/// <summary>The e-mails an order's customer was sent, for the merchant and admins.</summary>
[Route("api/orders/{orderId:guid}/emails")]
public sealed class OrderEmailsController(IMediator mediator) : ApiControllerBase
{
    /// <summary>Each e-mail about the order, oldest first: what it announced, whether it was sent, failed or not sent and why, to whom (masked).</summary>
    [HttpGet]
    [Sends<ListOrderEmailsQuery>]
    [ProducesResponseType<IReadOnlyList<OrderEmailDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IReadOnlyList<OrderEmailDto>> List(Guid orderId, CancellationToken cancellationToken) =>
        await mediator.Send(new ListOrderEmailsQuery(orderId), cancellationToken);
}
