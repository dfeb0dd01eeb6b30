namespace OrderTracking.WebApi.Security;

/// <summary>
/// Headers on every response, API and web client alike: no MIME sniffing, no referrer leaks, no framing, and a
/// Content-Security-Policy the built React client works under (its own scripts and styles, API calls and the
/// live-update socket to this origin: CSP 3 lets <c>'self'</c> match ws/wss of the same host, so no other host can be
/// reached from a page). Swagger UI needs inline script and style, so its pages get a looser one.
/// The map's tile server is the one other origin the page may load images from (<see cref="LiveMap.MapOptions"/>), and
/// the page itself may ask for the device's position (the courier's location sharing).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, Microsoft.Extensions.Options.IOptions<LiveMap.MapOptions> map)
{
    private readonly string _contentSecurityPolicy = map.Value.TileOrigin is { } tiles
        ? ContentSecurityPolicy.Replace("img-src 'self' data:;", $"img-src 'self' data: {tiles};", StringComparison.Ordinal)
        : ContentSecurityPolicy;

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string SwaggerContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // Set as the response starts: the exception handler clears headers set earlier when it writes a problem.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? SwaggerContentSecurityPolicy : _contentSecurityPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
