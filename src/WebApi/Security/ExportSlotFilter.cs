using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Telemetry;
using OrderTracking.Infrastructure.Export;
using OrderTracking.WebApi.Http;

namespace OrderTracking.WebApi.Security;

/// <summary>
/// Holds an <see cref="ExportSlots"/> slot around a streaming export, before its filters are bound or its query runs.
/// A caller already streaming <see cref="ExportOptions.MaxConcurrentPerUser"/> exports gets 429; an instance streaming
/// <see cref="ExportOptions.MaxConcurrent"/> gets 503. Both say when to try again.
/// </summary>
public sealed class ExportSlotFilter(ExportSlots slots, IOptions<ExportOptions> options) : IAsyncResourceFilter
{
    public const string RateLimitPolicy = "exports";

    /// <summary>An export of a few thousand rows takes seconds; a caller or an instance at the limit asks again after this.</summary>
    public const int RetryAfterSeconds = 10;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var caller = http.User.UserId()?.ToString() ?? RateLimits.ClientAddress(http);
        switch (slots.TryTake(caller, out var slot))
        {
            case ExportSlotOutcome.CallerAtLimit:
                OrderTrackingTelemetry.RateLimitRefused(RateLimitPolicy);
                await RefuseAsync(http, StatusCodes.Status429TooManyRequests, ProblemTypes.TooManyRequests, "Too many exports",
                    $"You already have {options.Value.MaxConcurrentPerUser} exports running. Wait for one to finish, then try again in {RetryAfterSeconds} seconds.");
                return;
            case ExportSlotOutcome.InstanceAtLimit:
                await RefuseAsync(http, StatusCodes.Status503ServiceUnavailable, ProblemTypes.ServiceUnavailable, "Exports are busy",
                    $"This server is streaming as many exports as it takes at once. Try again in {RetryAfterSeconds} seconds.");
                return;
        }

        using (slot)
        {
            await next();
        }
    }

    private static Task RefuseAsync(HttpContext http, int status, string type, string title, string detail)
    {
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return ProblemResponses.WriteAsync(http, status, type, title, detail);
    }
}
