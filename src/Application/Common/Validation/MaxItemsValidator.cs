using System.Collections;
using FluentValidation;
using FluentValidation.Validators;

namespace OrderTracking.Application.Common.Validation;

/// <summary>A collection's largest size as a rule of its own, so the OpenAPI document can state it as <c>maxItems</c>.</summary>
public interface IMaxItemsValidator
{
    int Max { get; }
}

/// <summary>Refuses a collection with more than <see cref="Max"/> elements; an absent one passes (NotEmpty says whether it must be there).</summary>
public sealed class MaxItemsValidator<T, TCollection>(int max) : PropertyValidator<T, TCollection>, IMaxItemsValidator
    where TCollection : IEnumerable?
{
    public int Max { get; } = max;

    public override string Name => "MaxItemsValidator";

    public override bool IsValid(ValidationContext<T> context, TCollection value)
    {
        if (value is null)
        {
            return true;
        }

        var count = 0;
        foreach (var _ in value)
        {
            if (++count > Max)
            {
                return false;
            }
        }

        return true;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => $"'{{PropertyName}}' holds at most {Max} entries.";
}

public static class CollectionRules
{
    public static IRuleBuilderOptions<T, TCollection> MaxItems<T, TCollection>(this IRuleBuilder<T, TCollection> rule, int max)
        where TCollection : IEnumerable? =>
        rule.SetValidator(new MaxItemsValidator<T, TCollection>(max));
}
