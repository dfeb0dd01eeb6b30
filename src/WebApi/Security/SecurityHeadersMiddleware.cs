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
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, Microsoft.Extensions.Options.IOptions<LiveMap.MapOptions> map)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " + ImageSources + "; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ImageSources = "img-src 'self' data: blob:";

    private readonly string _contentSecurityPolicy = map.Value.TileOrigin is { } tiles
        ? ContentSecurityPolicy.Replace(ImageSources + ";", $"{ImageSources} {tiles};", StringComparison.Ordinal)
        : ContentSecurityPolicy;

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
