using Microsoft.AspNetCore.Mvc;

namespace OrderTracking.WebApi.Http;

/// <summary>Writes a problem-details answer from middleware, outside MVC (authentication, rate limiting, body limits).</summary>
public static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext httpContext, int status, string type, string title, string detail)
    {
        httpContext.Response.StatusCode = status;
        await httpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        });
    }
}
