using FluentValidation.Internal;
using FluentValidation.Validators;
using NJsonSchema;
using NJsonSchema.Generation;

namespace OrderTracking.WebApi.OpenApi.Validation;

/// <summary>
/// Copies the validators' rules into the schemas, so the document says what the API enforces: a field that must be
/// present is required and not nullable, lengths become minLength/maxLength, email rules format email, ranges
/// minimum/maximum. Rules that only apply under a condition (<c>When</c>) still bound the value's length and range
/// but make nothing required or non-empty. A contract an action sends as an Application request takes that request's
/// rules (<see cref="Validation.SentRequests"/>); any other type its own validator's.
/// </summary>
public sealed class ValidatorRulesSchemaProcessor(IServiceProvider services) : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        var schema = context.Schema.ActualSchema;
        foreach (var validatedType in SentRequests().DescribingBody(context.ContextualType.Type))
        {
            foreach (var (name, property) in schema.Properties)
            {
                var member = char.ToUpperInvariant(name[0]) + name[1..];
                foreach (var component in ValidatorRules.For(services, validatedType, member))
                {
                    Apply(schema, name, property, component);
                }

                if (property.Item is { } item)
                {
                    foreach (var component in ValidatorRules.ForEachItem(services, validatedType, member))
                    {
                        ValidatorRules.ApplyBounds(item, component);
                    }
                }
            }
        }
    }

    private SentRequests SentRequests() => services.GetRequiredService<SentRequests>();

    private static void Apply(JsonSchema schema, string name, JsonSchemaProperty property, IRuleComponent component)
    {
        if (component.Validator is INotNullValidator or INotEmptyValidator && !component.HasCondition && !component.HasAsyncCondition)
        {
            property.IsNullableRaw = null;
            if (!schema.RequiredProperties.Contains(name))
            {
                schema.RequiredProperties.Add(name);
            }
        }

        ValidatorRules.ApplyBounds(property, component);
    }
}
