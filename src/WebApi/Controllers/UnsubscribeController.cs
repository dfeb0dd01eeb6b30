using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OrderTracking.Application.Notifications.Commands.Unsubscribe;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Application.Notifications.Queries.DescribeUnsubscribe;
using OrderTracking.WebApi.Security;

namespace OrderTracking.WebApi.Controllers;

/// <summary>
/// Unsubscribe links of customers' e-mails: no sign-in, the signed token is the permission. <c>POST</c> is also the
/// RFC 8058 one-click target of the <c>List-Unsubscribe</c> header: mail clients post <c>List-Unsubscribe=One-Click</c>,
/// and the body is not read.
/// </summary>
[ApiController]
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Tracking)]
[Route("api/unsubscribe")]
[ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
public sealed class UnsubscribeController(IMediator mediator) : ControllerBase
{
    /// <summary>What the link would stop (which merchant, one order or all, the address masked); 400 for a forged or expired link.</summary>
    /// <param name="token">The token of the link.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet]
    [ProducesResponseType<UnsubscribeDto>(StatusCodes.Status200OK)]
    public async Task<UnsubscribeDto> Describe([FromQuery, MaxLength(2000)] string? token, CancellationToken cancellationToken) =>
        await mediator.Send(new DescribeUnsubscribeQuery(token), cancellationToken);

    /// <summary>Stops the e-mails the link names, at once; doing it again changes nothing. 400 for a forged or expired link.</summary>
    /// <param name="token">The token of the link.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpPost]
    [ProducesResponseType<UnsubscribeDto>(StatusCodes.Status200OK)]
    public async Task<UnsubscribeDto> Unsubscribe([FromQuery, MaxLength(2000)] string? token, CancellationToken cancellationToken) =>
        await mediator.Send(new UnsubscribeCommand(token), cancellationToken);
}
