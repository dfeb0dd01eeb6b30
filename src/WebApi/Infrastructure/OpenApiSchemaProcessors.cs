using System.Globalization;
using System.Reflection;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.Visitors;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using OrderTracking.Application.Common.Validation;
using OrderTracking.WebApi.Filters;

namespace OrderTracking.WebApi.Infrastructure;

/// <summary>
/// Describes a request contract in the OpenAPI document with the FluentValidation rules of the Application
/// request it is sent as, when that request has the same property names (the route supplies the rest).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ValidatedAsAttribute(Type request) : Attribute
{
    public Type Request { get; } = request;
}

/// <summary>
/// Copies the validators' rules into the schemas, so the document says what the API enforces: a field that must be
/// present is required and not nullable, lengths become minLength/maxLength, email rules format email, ranges
/// minimum/maximum. Rules that only apply under a condition (<c>When</c>) still bound the value's length and range
/// but make nothing required or non-empty.
/// </summary>
public sealed class ValidatorRulesSchemaProcessor(IServiceProvider services) : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        var type = context.ContextualType.Type;
        var validatedType = type.GetCustomAttributes(typeof(ValidatedAsAttribute), inherit: false).OfType<ValidatedAsAttribute>().FirstOrDefault()?.Request ?? type;
        var schema = context.Schema.ActualSchema;
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

/// <summary>The bounds a FluentValidation rule puts on one value, written into that value's schema.</summary>
public static class ValidatorRules
{
    public static IEnumerable<IRuleComponent> For(IServiceProvider services, Type validatedType, string member)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(validatedType)) is IValidator validator
            ? validator.CreateDescriptor().GetRulesForMember(member).Where(rule => !IsPerItem(rule)).SelectMany(rule => rule.Components).ToList()
            : [];
    }

    /// <summary>The rules a <c>RuleForEach</c> puts on each element of a collection member.</summary>
    public static IEnumerable<IRuleComponent> ForEachItem(IServiceProvider services, Type validatedType, string member)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(validatedType)) is IValidator validator
            ? validator.CreateDescriptor().GetRulesForMember(member).Where(IsPerItem).SelectMany(rule => rule.Components).ToList()
            : [];
    }

    private static bool IsPerItem(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    public static void ApplyBounds(JsonSchema property, IRuleComponent component)
    {
        var always = !component.HasCondition && !component.HasAsyncCondition;
        switch (component.Validator)
        {
            case INotEmptyValidator when always && property.Type.HasFlag(JsonObjectType.String):
                property.MinLength = Math.Max(property.MinLength ?? 0, 1);
                break;
            case INotEmptyValidator when always && property.Type.HasFlag(JsonObjectType.Array):
                property.MinItems = Math.Max(property.MinItems, 1);
                break;
            case ILengthValidator length:
                if (length.Max > 0)
                {
                    property.MaxLength = length.Max;
                }

                if (length.Min > 0)
                {
                    property.MinLength = length.Min;
                }

                break;
            case IMaxItemsValidator maxItems:
                property.MaxItems = maxItems.Max;
                break;
            case IEmailValidator:
                property.Format = JsonFormatStrings.Email;
                break;
            case IBetweenValidator { From: int or decimal or double or long, To: int or decimal or double or long } between:
                property.Minimum = Convert.ToDecimal(between.From, CultureInfo.InvariantCulture);
                property.Maximum = Convert.ToDecimal(between.To, CultureInfo.InvariantCulture);
                break;
            case IComparisonValidator { Comparison: Comparison.GreaterThanOrEqual, ValueToCompare: int or decimal or double or long } minimum:
                property.Minimum = Convert.ToDecimal(minimum.ValueToCompare, CultureInfo.InvariantCulture);
                break;
            case IComparisonValidator { Comparison: Comparison.LessThanOrEqual, ValueToCompare: int or decimal or double or long } maximum:
                property.Maximum = Convert.ToDecimal(maximum.ValueToCompare, CultureInfo.InvariantCulture);
                break;
        }
    }
}

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

/// <summary>
/// Standard formats with their natural bounds. NJsonSchema writes Guid as <c>format: guid</c>, which JSON Schema and
/// OpenAPI tooling (validators, linters, other languages' generators) does not know: <c>uuid</c> is the registered
/// format, 36 characters. An instant is at most 33 characters, a date (yyyy-MM-dd) 10. An unsigned 32-bit integer (an order's version) gets its format and range.
/// </summary>
public sealed class StandardFormatsProcessor : IDocumentProcessor
{
    private const string Uuid = "uuid";
    private const int UuidLength = 36;

    /// <summary>The longest ISO 8601 instant .NET writes: 2026-01-01T00:00:00.0000000+00:00.</summary>
    private const int DateTimeLength = 33;

    /// <summary>An ISO 8601 calendar date as .NET writes and reads a DateOnly: 2026-01-01.</summary>
    private const int DateLength = 10;

    public void Process(DocumentProcessorContext context) => new UuidFormatVisitor().Visit(context.Document);

    private sealed class UuidFormatVisitor : JsonSchemaVisitorBase
    {
        protected override JsonSchema VisitSchema(JsonSchema schema, string path, string? typeNameHint)
        {
            if (schema.Format == JsonFormatStrings.Guid)
            {
                schema.Format = Uuid;
                schema.MaxLength = UuidLength;
            }

            if (schema.Format == JsonFormatStrings.DateTime)
            {
                schema.MaxLength = DateTimeLength;
            }

            if (schema.Format == JsonFormatStrings.Date)
            {
                schema.MaxLength = DateLength;
            }

            if (schema.Type == JsonObjectType.Integer && schema.Format is null)
            {
                schema.Format = JsonFormatStrings.Long;
                schema.Minimum = uint.MinValue;
                schema.Maximum = uint.MaxValue;
            }

            return schema;
        }
    }
}
