using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using OrderTracking.Application.Common.Idempotency;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.WebApi.Http;

namespace OrderTracking.WebApi.Idempotency;

/// <summary>
/// The HTTP side of idempotency, and only that: reads the <c>Idempotency-Key</c> header, fingerprints the request
/// (method, path, query and body) and hands both to the Application, whose TransactionBehaviour saves the key, the work
/// and its result in one batch. A repeat's action then gets the stored result and answers with the
/// same status, body, <c>Location</c> and <c>ETag</c>; this filter marks that answer <c>Idempotent-Replayed: true</c>.
/// </summary>
public sealed class IdempotencyFilter(IdempotencyRequest idempotency, ICurrentActor currentActor) : IAsyncResourceFilter
{
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(IdempotentAttribute.HeaderName, out var values) || currentActor.Actor is not { } actor)
        {
            await next();
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > IdempotencyKey.MaxLength)
        {
            context.Result = BadRequest("Invalid Idempotency-Key", $"The Idempotency-Key header must be 1 to {IdempotencyKey.MaxLength} characters.");
            return;
        }

        string fingerprint;
        try
        {
            fingerprint = await FingerprintAsync(http.Request);
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            // A multipart body without its boundary (InvalidDataException) or cut short (IOException): the action's own
            // binding would refuse it the same way. A body over the size limit stays a BadHttpRequestException, a 413.
            context.Result = BadRequest("Invalid form", "The multipart form could not be read.");
            return;
        }

        idempotency.Key = new IdempotencyKey($"{actor.Type}:{actor.Id}", key, fingerprint);
        http.Response.OnStarting(() =>
        {
            if (idempotency.WasReplayed)
            {
                http.Response.Headers[ReplayedHeaderName] = "true";
            }

            return Task.CompletedTask;
        });
        await next();
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

    /// <summary>Each field and file with its length in front, so no two different forms hash alike; a file by its content's hash.</summary>
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

    private static ObjectResult BadRequest(string title, string detail) =>
        new(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Type = ProblemTypes.Validation, Title = title, Detail = detail })
        {
            StatusCode = StatusCodes.Status400BadRequest,
            ContentTypes = { "application/problem+json" },
        };
}
