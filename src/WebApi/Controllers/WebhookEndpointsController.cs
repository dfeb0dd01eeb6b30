using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OrderTracking.Application.Webhooks.Commands.CreateWebhookEndpoint;
using OrderTracking.Application.Webhooks.Commands.DeleteWebhookEndpoint;
using OrderTracking.Application.Webhooks.Commands.ResendWebhookDelivery;
using OrderTracking.Application.Webhooks.Commands.RotateWebhookSecret;
using OrderTracking.Application.Webhooks.Commands.SendWebhookTest;
using OrderTracking.Application.Webhooks.Commands.UpdateWebhookEndpoint;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Application.Webhooks.Queries.GetWebhookDelivery;
using OrderTracking.Application.Webhooks.Queries.ListWebhookDeliveries;
using OrderTracking.Application.Webhooks.Queries.ListWebhookEndpoints;
using OrderTracking.WebApi.Contracts;
using OrderTracking.WebApi.Filters;
using OrderTracking.WebApi.Security;

namespace OrderTracking.WebApi.Controllers;

/// <summary>
/// Signed webhooks: a merchant's endpoints for its own orders (<c>/api/webhook-endpoints</c>), an admin's for each
/// delivery partner (<c>/api/partners/{id}/webhook-endpoints</c>), their secrets and their delivery logs. Admins may
/// list any merchant's endpoints (<c>/api/users/{id}/webhook-endpoints</c>) and change, disable or delete any endpoint
/// through <c>/api/webhook-endpoints/{id}</c>.
/// </summary>
public sealed class WebhookEndpointsController(IMediator mediator) : ApiControllerBase
{
    /// <summary>The signed-in merchant's endpoints.</summary>
    [HttpGet("api/webhook-endpoints")]
    [Sends<ListWebhookEndpointsQuery>]
    [ProducesResponseType<IReadOnlyList<WebhookEndpointDto>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<WebhookEndpointDto>> ListMine(CancellationToken cancellationToken) =>
        await mediator.Send(new ListWebhookEndpointsQuery(null), cancellationToken);

    /// <summary>
    /// Adds an endpoint for the signed-in merchant's orders. The answer holds the signing secret, shown this once. At
    /// most 10 endpoints per merchant (configurable): past that, 409.
    /// </summary>
    [HttpPost("api/webhook-endpoints")]
    [Sends<CreateWebhookEndpointCommand>]
    [ProducesResponseType<WebhookEndpointWithSecretDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<WebhookEndpointWithSecretDto>> CreateMine(CreateWebhookEndpointRequest request, CancellationToken cancellationToken) =>
        Created(await mediator.Send(new CreateWebhookEndpointCommand(null, request.Url, request.Events), cancellationToken));

    /// <summary>A delivery partner's endpoints (admins).</summary>
    [HttpGet("api/partners/{partnerId:guid}/webhook-endpoints")]
    [Sends<ListWebhookEndpointsQuery>]
    [ProducesResponseType<IReadOnlyList<WebhookEndpointDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IReadOnlyList<WebhookEndpointDto>> ListForPartner(Guid partnerId, CancellationToken cancellationToken) =>
        await mediator.Send(new ListWebhookEndpointsQuery(partnerId), cancellationToken);

    /// <summary>Adds an endpoint for the orders assigned to a delivery partner (admins). The answer holds the signing secret, shown this once.</summary>
    [HttpPost("api/partners/{partnerId:guid}/webhook-endpoints")]
    [Sends<CreateWebhookEndpointCommand>]
    [ProducesResponseType<WebhookEndpointWithSecretDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<WebhookEndpointWithSecretDto>> CreateForPartner(Guid partnerId, CreateWebhookEndpointRequest request, CancellationToken cancellationToken) =>
        Created(await mediator.Send(new CreateWebhookEndpointCommand(partnerId, request.Url, request.Events), cancellationToken));

    /// <summary>A merchant's endpoints (admins).</summary>
    [HttpGet("api/users/{userId:guid}/webhook-endpoints")]
    [Sends<ListWebhookEndpointsQuery>]
    [ProducesResponseType<IReadOnlyList<WebhookEndpointDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IReadOnlyList<WebhookEndpointDto>> ListForMerchant(Guid userId, CancellationToken cancellationToken) =>
        await mediator.Send(new ListWebhookEndpointsQuery(null, userId), cancellationToken);

    /// <summary>
    /// Changes the address or events, or enables/disables the endpoint. A disabled endpoint gets no new deliveries;
    /// pending ones wait. Enabling clears the reason it was disabled for.
    /// </summary>
    [HttpPatch("api/webhook-endpoints/{id:guid}")]
    [Sends<UpdateWebhookEndpointCommand>]
    [ProducesResponseType<WebhookEndpointDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<WebhookEndpointDto> Update(Guid id, UpdateWebhookEndpointRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(new UpdateWebhookEndpointCommand(id, request.Url, request.Events, request.IsEnabled), cancellationToken);

    /// <summary>Deletes the endpoint and its delivery log; nothing more is sent to it.</summary>
    [HttpDelete("api/webhook-endpoints/{id:guid}")]
    [Sends<DeleteWebhookEndpointCommand>]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteWebhookEndpointCommand(id), cancellationToken);
        return NoContent();
    }

    /// <summary>
    /// Sends an <c>endpoint.test</c> event to the endpoint through the normal delivery path (signed, retried, logged).
    /// At most 10 test events and resends a minute per user (429 with Retry-After beyond).
    /// </summary>
    [HttpPost("api/webhook-endpoints/{id:guid}/test")]
    [EnableRateLimiting(RateLimits.WebhookSends)]
    [Sends<SendWebhookTestCommand>]
    [ProducesResponseType<WebhookDeliveryDto>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<WebhookDeliveryDto>> SendTest(Guid id, CancellationToken cancellationToken) =>
        Accepted(await mediator.Send(new SendWebhookTestCommand(id), cancellationToken));

    /// <summary>
    /// Issues a new signing secret, shown this once. For 24 hours deliveries carry two <c>v1</c> signatures (new and
    /// previous secret), so the receiver can switch without refusing one.
    /// </summary>
    [HttpPost("api/webhook-endpoints/{id:guid}/secret-rotation")]
    [Sends<RotateWebhookSecretCommand>]
    [ProducesResponseType<WebhookEndpointWithSecretDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<WebhookEndpointWithSecretDto> RotateSecret(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new RotateWebhookSecretCommand(id), cancellationToken);

    /// <summary>The endpoint's delivery log: its latest 100 deliveries, newest first, with the outcome of each one's latest attempt.</summary>
    [HttpGet("api/webhook-endpoints/{id:guid}/deliveries")]
    [Sends<ListWebhookDeliveriesQuery>]
    [ProducesResponseType<IReadOnlyList<WebhookDeliveryDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IReadOnlyList<WebhookDeliveryDto>> ListDeliveries(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new ListWebhookDeliveriesQuery(id), cancellationToken);

    /// <summary>
    /// One delivery with its body and every attempt: the request headers sent, and the answer's status, safe headers
    /// and the first 2 048 characters of its body.
    /// </summary>
    [HttpGet("api/webhook-endpoints/{id:guid}/deliveries/{deliveryId:guid}")]
    [Sends<GetWebhookDeliveryQuery>]
    [ProducesResponseType<WebhookDeliveryDetailDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<WebhookDeliveryDetailDto> GetDelivery(Guid id, Guid deliveryId, CancellationToken cancellationToken) =>
        await mediator.Send(new GetWebhookDeliveryQuery(id, deliveryId), cancellationToken);

    /// <summary>
    /// Sends a delivered or failed event again now (same event id and body, fresh signature). The retry window is not
    /// restarted: after it closed, a resend is one attempt. At most 10 resends and test events a minute per user.
    /// </summary>
    [HttpPost("api/webhook-endpoints/{id:guid}/deliveries/{deliveryId:guid}/resend")]
    [EnableRateLimiting(RateLimits.WebhookSends)]
    [Sends<ResendWebhookDeliveryCommand>]
    [ProducesResponseType<WebhookDeliveryDto>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<WebhookDeliveryDto>> Resend(Guid id, Guid deliveryId, CancellationToken cancellationToken) =>
        Accepted(await mediator.Send(new ResendWebhookDeliveryCommand(id, deliveryId), cancellationToken));

    private CreatedResult Created(WebhookEndpointWithSecretDto created) => Created($"/api/webhook-endpoints/{created.Endpoint.Id}", created);
}
