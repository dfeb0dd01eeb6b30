using System.Reflection;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using OrderTracking.WebApi.Filters;

namespace OrderTracking.WebApi.OpenApi.Validation;

/// <summary>
/// Bounds on query parameters from the validators, like <see cref="ValidatorRulesSchemaProcessor"/> does for bodies:
/// a parameter bound from a property of a <see cref="ValidatedAsAttribute"/> type, or an action parameter of an
/// action that declares the request it sends (<see cref="ISendsRequest"/>), takes the rules of the same-named member.
/// </summary>
public sealed class ValidatorRulesParameterProcessor(IServiceProvider services) : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var aspNet = (AspNetCoreOperationProcessorContext)context;
        var actionRequest = aspNet.MethodInfo.GetCustomAttributes().OfType<ISendsRequest>().FirstOrDefault()?.RequestType;
        foreach (var description in aspNet.ApiDescription.ParameterDescriptions)
        {
            var metadata = description.ModelMetadata;
            var (validatedType, member) = metadata?.ContainerType?.GetCustomAttribute<ValidatedAsAttribute>() is { } onContainer
                ? (onContainer.Request, metadata.PropertyName)
                : (actionRequest, description.ParameterDescriptor?.Name);
            var parameter = context.OperationDescription.Operation.Parameters.FirstOrDefault(p => p.Name == description.Name);
            if (validatedType is null || member is null || parameter?.Schema is null)
            {
                continue;
            }

            foreach (var component in ValidatorRules.For(services, validatedType, char.ToUpperInvariant(member[0]) + member[1..]))
            {
                ValidatorRules.ApplyBounds(parameter.Schema, component);
            }
        }

        return true;
    }
}
