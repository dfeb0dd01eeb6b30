using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace OrderTracking.WebApi.Http;

/// <summary>
/// Refuses request bodies over the configured size with a 413 problem before anything reads them. Kestrel
/// enforces the same limit for bodies without a Content-Length; this also covers hosts that do not (tests). A route
/// that takes files states its own larger limit with <c>[RequestSizeLimit]</c>.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, long defaultMaxBytes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var maxBytes = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultMaxBytes;
        if (context.Request.ContentLength > maxBytes)
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Request body too large",
                $"Request bodies are limited to {maxBytes} bytes.");
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        await next(context);
    }
}
