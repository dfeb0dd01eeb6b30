using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using OrderTracking.WebApi.Security;

namespace OrderTracking.WebApi.Infrastructure;

/// <summary>Documents how each operation authenticates: Bearer for user routes, ApiKey for partner routes.</summary>
public sealed class SecurityRequirementProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var method = ((AspNetCoreOperationProcessorContext)context).MethodInfo;
        var controller = method.DeclaringType!;
        var attributes = method.GetCustomAttributes<AuthorizeAttribute>(true).Concat(controller.GetCustomAttributes<AuthorizeAttribute>(true));
        if (method.GetCustomAttribute<AllowAnonymousAttribute>() is not null || controller.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
        {
            return true;
        }

        var scheme = attributes.Any(a => a.Policy == AuthPolicies.Partner) ? ApiKeyAuthenticationHandler.SchemeName
            : attributes.Any() ? "Bearer"
            : null;
        if (scheme is not null)
        {
            context.OperationDescription.Operation.Security ??= [];
            context.OperationDescription.Operation.Security.Add(new OpenApiSecurityRequirement { [scheme] = [] });
        }

        return true;
    }
}

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
                Schema = new JsonSchema { Type = JsonObjectType.String, MaxLength = 255 },
                Description = "Any unique string (a UUID is ideal). Retrying with the same key and body within 24 h replays the first response instead of doing the work again.",
            });
        }

        return true;
    }
}
