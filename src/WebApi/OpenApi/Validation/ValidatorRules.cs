using System.Globalization;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using NJsonSchema;
using OrderTracking.Application.Common.Validation;

namespace OrderTracking.WebApi.OpenApi.Validation;

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
