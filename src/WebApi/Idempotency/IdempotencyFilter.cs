using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using OrderTracking.Application.Common.Idempotency;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.WebApi.Infrastructure;

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
            context.Result = new ObjectResult(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.Validation,
                Title = "Invalid Idempotency-Key",
                Detail = $"The Idempotency-Key header must be 1 to {IdempotencyKey.MaxLength} characters.",
            })
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentTypes = { "application/problem+json" },
            };
            return;
        }

        idempotency.Key = new IdempotencyKey($"{actor.Type}:{actor.Id}", key, await FingerprintAsync(http.Request));
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

    /// <summary>What makes two requests "the same": method, path, query and the exact body bytes.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
