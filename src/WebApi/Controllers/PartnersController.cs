using Mediator;
using Microsoft.AspNetCore.Mvc;
using OrderTracking.Application.Partners.Commands.CreatePartner;
using OrderTracking.Application.Partners.Commands.IssueApiKey;
using OrderTracking.Application.Partners.Commands.RevokeApiKey;
using OrderTracking.Application.Partners.Commands.UpdatePartner;
using OrderTracking.Application.Partners.Common;
using OrderTracking.Application.Partners.Queries.ListApiKeys;
using OrderTracking.Application.Partners.Queries.ListPartners;
using OrderTracking.WebApi.Contracts;
using OrderTracking.WebApi.Filters;

namespace OrderTracking.WebApi.Controllers;

/// <summary>Delivery-partner companies and their API keys (admins only).</summary>
[Route("api/partners")]
public sealed class PartnersController(IMediator mediator) : ApiControllerBase
{
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<PartnerDto>>(StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<PartnerDto>> List(CancellationToken cancellationToken) =>
        await mediator.Send(new ListPartnersQuery(), cancellationToken);

    [HttpPost]
    [ProducesResponseType<PartnerDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<PartnerDto>> Create(CreatePartnerCommand request, CancellationToken cancellationToken)
    {
        var partner = await mediator.Send(request, cancellationToken);
        return Created($"/api/partners/{partner.Id}", partner);
    }

    /// <summary>Renames or (de)activates a partner. Deactivation refuses its keys from the next request on.</summary>
    [HttpPatch("{id:guid}")]
    [Sends<UpdatePartnerCommand>]
    [ProducesResponseType<PartnerDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<PartnerDto> Update(Guid id, UpdatePartnerRequest request, CancellationToken cancellationToken) =>
        await mediator.Send(new UpdatePartnerCommand(id, request.Name, request.IsActive), cancellationToken);

    /// <summary>Issues an API key. The answer holds the full key, shown this once: only a hash is stored.</summary>
    [HttpPost("{id:guid}/api-keys")]
    [Sends<IssueApiKeyCommand>]
    [ProducesResponseType<IssuedApiKeyDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<IssuedApiKeyDto>> IssueApiKey(Guid id, IssueApiKeyRequest request, CancellationToken cancellationToken)
    {
        var key = await mediator.Send(new IssueApiKeyCommand(id, request.Name), cancellationToken);
        return Created($"/api/partners/{id}/api-keys", key);
    }

    /// <summary>The partner's keys: prefix, name and dates, never the secret.</summary>
    [HttpGet("{id:guid}/api-keys")]
    [ProducesResponseType<IReadOnlyList<ApiKeyDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IReadOnlyList<ApiKeyDto>> ListApiKeys(Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new ListApiKeysQuery(id), cancellationToken);

    /// <summary>Revokes a key at once.</summary>
    [HttpDelete("{id:guid}/api-keys/{keyId:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> RevokeApiKey(Guid id, Guid keyId, CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeApiKeyCommand(id, keyId), cancellationToken);
        return NoContent();
    }
}
