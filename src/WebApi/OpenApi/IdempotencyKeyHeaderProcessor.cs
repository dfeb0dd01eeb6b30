using System.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using OrderTracking.Application.Common.Idempotency;
using OrderTracking.WebApi.Idempotency;

namespace OrderTracking.WebApi.OpenApi;

/// <summary>Adds the optional <c>Idempotency-Key</c> header to the operations that honour it.</summary>
public sealed class IdempotencyKeyHeaderProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (((AspNetCoreOperationProcessorContext)context).MethodInfo.GetCustomAttribute<IdempotentAttribute>() is not null)
        {
            context.OperationDescription.Operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotentAttribute.HeaderName,
                Kind = OpenApiParameterKind.Header,
                IsRequired = false,
                Schema = new JsonSchema { Type = JsonObjectType.String, MinLength = 1, MaxLength = IdempotencyKey.MaxLength },
                Description = "Any unique string (a UUID is ideal). Retrying with the same key and body within 24 h replays the first response instead of doing the work again.",
            });
            var responses = context.OperationDescription.Operation.Responses;
            responses.TryAdd("409", new OpenApiResponse { Description = "A request with this Idempotency-Key is still being processed: retry in a moment." });
            responses.TryAdd("422", new OpenApiResponse { Description = "This Idempotency-Key was already used with a different request." });
        }

        return true;
    }
}
