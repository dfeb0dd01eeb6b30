using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using OrderTracking.WebApi.Security;

namespace OrderTracking.WebApi.OpenApi;

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
