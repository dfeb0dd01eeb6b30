using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using OrderTracking.WebApi.Filters;

namespace OrderTracking.WebApi.OpenApi.Validation;

/// <summary>
/// Bounds on query parameters from the validators, like <see cref="ValidatorRulesSchemaProcessor"/> does for bodies,
/// for an action that declares the request it sends (<see cref="SendsAttribute{TRequest}"/>): an action parameter
/// takes the rules of the request's same-named member, a parameter bound from a property of a contract those of the
/// property's namesake in the type that describes the contract (<see cref="SentRequests.DescribedBy"/>).
/// </summary>
public sealed class ValidatorRulesParameterProcessor(IServiceProvider services) : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var action = ((AspNetCoreOperationProcessorContext)context).ApiDescription;
        if (SentRequests.SentBy(action) is not { } request)
        {
            return true;
        }

        foreach (var description in action.ParameterDescriptions)
        {
            var (validatedType, member) = description.ModelMetadata is { ContainerType: not null, PropertyName: { } property }
                ? (SentRequests.DescribedBy(request, description), property)
                : (request, description.ParameterDescriptor?.Name);
            var parameter = context.OperationDescription.Operation.Parameters.FirstOrDefault(p => p.Name == description.Name);
            if (member is null || parameter?.Schema is null)
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
