using FluentValidation;

namespace OrderTracking.Application.Common.Validation;

/// <summary>
/// Text rules whose messages speak to the person filling the form ("Enter the street address"), never in property
/// names ("'Line1' must not be empty"): the client shows them as they come.
/// </summary>
public static class TextRules
{
    /// <summary>A required text field, with messages that name the field as a person would (<paramref name="what"/>: "the street address").</summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilderInitial<T, string?> rule, int maxLength, string what) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage($"Enter {what}.")
            .MaximumLength(maxLength).WithMessage($"Shorten {what} to {maxLength} characters or fewer.");

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength, string what) =>
        rule.MaximumLength(maxLength).WithMessage($"Shorten {what} to {maxLength} characters or fewer.");
}
