namespace OrderTracking.WebApi.Http;

/// <summary>
/// The catch-all behind every API route: a path no API route takes answers 404; a route's path with a method it does
/// not take answers 405 and says which it does (<see cref="RouteMethods"/>).
/// </summary>
public static class UnknownApiRoutes
{
    public static WebApplication MapUnknownApiRoutes(this WebApplication app)
    {
        app.Map("/api/{**path}", UnknownApiRoute).ExcludeFromDescription();
        return app;
    }

    /// <summary>A path no API route takes answers 404; a route's path with a method it does not take answers 405 and says which it does.</summary>
    private static IResult UnknownApiRoute(HttpContext httpContext, RouteMethods routes)
    {
        if (routes.For(httpContext) is not { Count: > 0 } allowed)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "Not found", detail: "There is no such API route.");
        }

        httpContext.Response.Headers.Allow = string.Join(", ", allowed);
        return Results.Problem(
            statusCode: StatusCodes.Status405MethodNotAllowed,
            type: ProblemTypes.MethodNotAllowed,
            title: "Method not allowed",
            detail: $"This route takes {string.Join(", ", allowed)}, not {httpContext.Request.Method}.");
    }
}
