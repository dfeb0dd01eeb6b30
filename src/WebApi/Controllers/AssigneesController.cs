using Mediator;
using Microsoft.AspNetCore.Mvc;
using OrderTracking.Application.Orders.Queries.ListAssignees;

namespace OrderTracking.WebApi.Controllers;

/// <summary>Who orders can be assigned to.</summary>
[Route("api/assignees")]
public sealed class AssigneesController(IMediator mediator) : ApiControllerBase
{
    /// <summary>The active couriers and delivery partners, by name (merchants and admins).</summary>
    [HttpGet]
    [ProducesResponseType<AssigneesDto>(StatusCodes.Status200OK)]
    public async Task<AssigneesDto> List(CancellationToken cancellationToken) =>
        await mediator.Send(new ListAssigneesQuery(), cancellationToken);
}
