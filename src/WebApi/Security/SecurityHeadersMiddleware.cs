namespace OrderTracking.WebApi.Security;

/// <summary>
/// Headers on every response, API and web client alike: no MIME sniffing, no referrer leaks, no framing, and a
/// Content-Security-Policy the built React client works under (its own scripts and styles, API calls and the
/// live-update socket to this origin: CSP 3 lets <c>'self'</c> match ws/wss of the same host, so no other host can be
/// reached from a page). Images may also be <c>blob:</c> URLs: the courier's photo preview and proof images the page
/// read through the API. Swagger UI needs inline script and style, so its pages get a looser one.
/// The map's tile server is the one other origin the page may load images from (<see cref="LiveMap.MapOptions"/>), and
/// the page itself may ask for the device's position (the courier's location sharing and the position at the door
/// with a proof of delivery); no frame may. The camera stays off: the courier's photo comes through a file input,
/// which the browser hands to the camera app without the page ever holding a camera stream.
/// The public tracking page (<c>/track</c> and below) may also show images from any https origin: the merchant's logo,
/// which the domain holds to https and which lives on the merchant's own host. Its exact origin is not known without a
/// database read for the code in the page's address, which would answer, outside the tracking API's rate limit,
/// whether a code exists.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, Microsoft.Extensions.Options.IOptions<LiveMap.MapOptions> map)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " + ImageSources + "; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ImageSources = "img-src 'self' data: blob:";

    /// <summary>The public tracking page's address; its pages may show the merchant's logo.</summary>
    public const string TrackingPagePath = "/track";

    private readonly string _contentSecurityPolicy = WithImageSources(map.Value.TileOrigin);

    private readonly string _trackingPageContentSecurityPolicy = WithImageSources(map.Value.TileOrigin, "https:");

    private static string WithImageSources(params string?[] extra) =>
        ContentSecurityPolicy.Replace(
            ImageSources + ";",
            string.Join(' ', [ImageSources, .. extra.OfType<string>()]) + ";",
            StringComparison.Ordinal);

    private const string SwaggerContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // Chosen by the address asked for: serving the client's index.html rewrites the request's path to it.
        var path = context.Request.Path;
        var contentSecurityPolicy =
            path.StartsWithSegments("/swagger") ? SwaggerContentSecurityPolicy
            : path.StartsWithSegments(TrackingPagePath, StringComparison.OrdinalIgnoreCase) ? _trackingPageContentSecurityPolicy
            : _contentSecurityPolicy;
        // Set as the response starts: the exception handler clears headers set earlier when it writes a problem.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
            headers.ContentSecurityPolicy = contentSecurityPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
