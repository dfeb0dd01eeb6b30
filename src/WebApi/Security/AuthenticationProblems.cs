using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using OrderTracking.WebApi.Infrastructure;

namespace OrderTracking.WebApi.Security;

/// <summary>Turns an authentication challenge into a 401 problem, without saying why a token was refused.</summary>
public static class AuthenticationProblems
{
    public static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        await WriteAsync(context.HttpContext, "A valid access token is required (Authorization: Bearer ...).", "Bearer");
    }

    public static async Task WriteAsync(HttpContext httpContext, string detail, string scheme)
    {
        httpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
        httpContext.Response.Headers.WWWAuthenticate = scheme;
        await httpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Type = ProblemTypes.Unauthenticated,
                Title = "Unauthorized",
                Detail = detail,
            },
        });
    }
}
