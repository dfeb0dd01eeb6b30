using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using OrderTracking.Application.Common.Exceptions;

namespace OrderTracking.WebApi.Security;

/// <summary>
/// Refused refresh tokens are charged to the address that sends them (<see cref="CredentialRefusals"/>): an address
/// that has spent its refusals gets 429 before any lookup. An action filter, because only the action's outcome tells a
/// refused token from a renewed one. The per-session bucket is the refresh handler's, which reads the token's session
/// anyway (<see cref="RefreshRateLimiter"/>).
/// </summary>
public sealed class RefreshRateLimitFilter(CredentialRefusals refusals) : IAsyncActionFilter
{
    public const string Surface = "refresh";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var address = RateLimits.ClientAddress(context.HttpContext);
        if (refusals.IsSpent(Surface, address, out var retryAfter))
        {
            await RateLimits.WriteTooManyRequestsAsync(context.HttpContext, retryAfter);
            context.Result = new EmptyResult();
            return;
        }

        var executed = await next();
        if (executed.Exception is UnauthenticatedException)
        {
            refusals.Count(Surface, address);
        }
    }
}
