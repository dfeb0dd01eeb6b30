using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OrderTracking.WebApi.Security;

namespace OrderTracking.WebApi.Controllers;

/// <summary>
/// Base of the user-facing controllers: JSON in and out, signed-in users (JWT) only unless an action says
/// otherwise. Which roles may do what is declared on the Application's requests, not here.
/// </summary>
[ApiController]
[Authorize(Policy = AuthPolicies.User)]
[EnableRateLimiting(RateLimits.User)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
[ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
public abstract class ApiControllerBase : ControllerBase;
