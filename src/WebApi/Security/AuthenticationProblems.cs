using Microsoft.AspNetCore.Authentication.JwtBearer;
using OrderTracking.WebApi.Http;

namespace OrderTracking.WebApi.Security;

/// <summary>Turns an authentication challenge into a 401 problem, without saying why a token was refused.</summary>
public static class AuthenticationProblems
{
    public static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        await WriteAsync(context.HttpContext, "A valid access token is required (Authorization: Bearer ...).", "Bearer");
    }

    public static Task WriteAsync(HttpContext httpContext, string detail, string scheme)
    {
        httpContext.Response.Headers.WWWAuthenticate = scheme;
        return ProblemResponses.WriteAsync(httpContext, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated, "Unauthorized", detail);
    }
}
