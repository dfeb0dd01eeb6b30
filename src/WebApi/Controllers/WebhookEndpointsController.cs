using Mediator;
using Microsoft.AspNetCore.Mvc;
using OrderTracking.Application.Webhooks.Commands.CreateWebhookEndpoint;
using OrderTracking.Application.Webhooks.Commands.ResendWebhookDelivery;
using OrderTracking.Application.Webhooks.Commands.RotateWebhookSecret;
using OrderTracking.Application.Webhooks.Commands.UpdateWebhookEndpoint;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Application.Webhooks.Queries.ListWebhookDeliveries;
using OrderTracking.Application.Webhooks.Queries.ListWebhookEndpoints;
using OrderTracking.WebApi.Contracts;
using OrderTracking.WebApi.Filters;

namespace OrderTracking.WebApi.Controllers;

/// <summary>
/// Signed webhooks: a merchant's endpoints for its own orders (<c>/api/webhook-endpoints</c>), an admin's for each
/// delivery partner (<c>/api/partners/{id}/webhook-endpoints</c>), their secrets and their delivery logs.
/// </summary>
public sealed class WebhookEndpointsController(IMediator mediator) : ApiControllerBase
{
    /// <summary>The signed-in merchant's endpoints.</summary>
    [HttpGet("api/webhook-endpoints")]
    [Sends<ListWebhookEndpointsQuery>]
    [ProducesResponseType<IReadOnlyList<WebhookEndpointDto>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<WebhookEndpointDto>> ListMine(CancellationToken cancellationToken) =>
        await mediator.Send(new ListWebhookEndpointsQuery(null), cancellationToken);

    /// <summary>Adds an endpoint for the signed-in merchant's orders. The answer holds the signing secret, shown this once.</summary>
    [HttpPost("api/webhook-endpoints")]
    [Sends<CreateWebhookEndpointCommand>]
    [ProducesResponseType<WebhookEndpointWithSecretDto>(StatusCodes.Status201Created)]
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
    public async Task<ActionResult<WebhookEndpointWithSecretDto>> CreateForPartner(Guid partnerId, CreateWebhookEndpointRequest request, CancellationToken cancellationToken) =>
        Created(await mediator.Send(new CreateWebhookEndpointCommand(partnerId, request.Url, request.Events), cancellationToken));

    /// <summary>Changes the address or events, or enables/disables the endpoint. A disabled endpoint gets no new deliveries; pending ones wait.</summary>
    [HttpPatch("api/webhook-endpoints/{id:guid}")]
    [Sends<UpdateWebhookEndpointCommand>]
    [ProducesResponseType<WebhookEndpointDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<WebhookEndpointDto> Update(Guid id, UpdateWebhookEndpointRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(new UpdateWebhookEndpointCommand(id, request.Url, request.Events, request.IsEnabled), cancellationToken);

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

    /// <summary>Sends a delivered or failed event again now (same event id and body, fresh signature and retry window).</summary>
    [HttpPost("api/webhook-endpoints/{id:guid}/deliveries/{deliveryId:guid}/resend")]
    [Sends<ResendWebhookDeliveryCommand>]
    [ProducesResponseType<WebhookDeliveryDto>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<WebhookDeliveryDto>> Resend(Guid id, Guid deliveryId, CancellationToken cancellationToken) =>
        Accepted(await mediator.Send(new ResendWebhookDeliveryCommand(id, deliveryId), cancellationToken));

    private CreatedResult Created(WebhookEndpointWithSecretDto created) => Created($"/api/webhook-endpoints/{created.Endpoint.Id}", created);
}
