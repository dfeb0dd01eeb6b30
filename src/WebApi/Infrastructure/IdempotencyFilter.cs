using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Telemetry;
using OrderTracking.Infrastructure.Idempotency;

namespace OrderTracking.WebApi.Infrastructure;

/// <summary>
/// The HTTP side of <see cref="IdempotencyStore"/>: fingerprints the request, claims the key inside the
/// request's database transaction, runs the action with its response buffered, and stores and commits a 2xx
/// response together with the work, as one retriable unit (see <see cref="IdempotencyStore.RunAsync"/>).
/// A failed request rolls back and leaves its key unused.
/// </summary>
public sealed class IdempotencyFilter(IdempotencyStore store, ICurrentActor currentActor) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(IdempotentAttribute.HeaderName, out var values) || currentActor.Actor is not { } actor)
        {
            await next();
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > IdempotencyStore.MaxKeyLength)
        {
            context.Result = Problem(StatusCodes.Status400BadRequest, ProblemTypes.Validation, "Invalid Idempotency-Key",
                $"The Idempotency-Key header must be 1 to {IdempotencyStore.MaxKeyLength} characters.");
            return;
        }

        var scope = $"{actor.Type}:{actor.Id}";
        string fingerprint;
        try
        {
            fingerprint = await FingerprintAsync(http.Request);
        }
        catch (InvalidDataException)
        {
            context.Result = Problem(StatusCodes.Status400BadRequest, ProblemTypes.Validation, "Invalid form", "The multipart form could not be read.");
            return;
        }

        var body = http.Response.Body;
        await using var buffer = new MemoryStream();
        var claim = await store.RunAsync(scope, key, fingerprint, async _ =>
        {
            http.Response.Body = buffer;
            ResourceExecutedContext executed;
            try
            {
                executed = await next();
            }
            finally
            {
                http.Response.Body = body;
            }

            return executed.Exception is null && http.Response.StatusCode is >= 200 and < 300
                ? new StoredResponse(
                    http.Response.StatusCode,
                    System.Text.Encoding.UTF8.GetString(buffer.ToArray()),
                    http.Response.ContentType,
                    http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                    http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null)
                : null;
        }, http.RequestAborted);

        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Replay:
                Replay(context, claim.Response!);
                return;
            case IdempotencyOutcome.Mismatch:
                context.Result = Problem(StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused, "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
                return;
            case IdempotencyOutcome.InFlight:
                context.Result = Problem(StatusCodes.Status409Conflict, ProblemTypes.IdempotencyInFlight, "Request in progress",
                    "A request with this Idempotency-Key is still being processed. Retry in a moment.");
                return;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(body, http.RequestAborted);
    }

    /// <summary>
    /// What makes two requests "the same": method, path, query and the exact body bytes; for a form, its fields and
    /// files, since a browser draws a new multipart boundary each time it sends the same form again.
    /// </summary>
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (request.HasFormContentType)
        {
            await AppendFormAsync(hash, request);
            return Convert.ToHexString(hash.GetHashAndReset());
        }

        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static async Task AppendFormAsync(IncrementalHash hash, HttpRequest request)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        foreach (var field in form.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{field.Key.Length}:{field.Key}={field.Value.ToString().Length}:{field.Value}\n"));
        }

        foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{file.Name.Length}:{file.Name} file {file.Length}\n"));
            await using var content = file.OpenReadStream();
            hash.AppendData(await SHA256.HashDataAsync(content, request.HttpContext.RequestAborted));
        }
    }

    private static void Replay(ResourceExecutingContext context, StoredResponse stored)
    {
        var headers = context.HttpContext.Response.Headers;
        if (stored.Location is not null)
        {
            headers.Location = stored.Location;
        }

        if (stored.ETag is not null)
        {
            headers.ETag = stored.ETag;
        }

        headers["Idempotent-Replayed"] = "true";
        OrderTrackingTelemetry.IdempotentReplay();
        context.Result = new ContentResult { StatusCode = stored.StatusCode, Content = stored.Body, ContentType = stored.ContentType };
    }

    private static ObjectResult Problem(int status, string type, string title, string detail) =>
        new(new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail })
        {
            StatusCode = status,
            ContentTypes = { "application/problem+json" },
        };
}
