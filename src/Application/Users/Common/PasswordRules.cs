using System.Text;
using FluentValidation;

namespace OrderTracking.Application.Users.Common;

public static class PasswordRules
{
    public const int MinLength = 8;

    /// <summary>bcrypt reads only the first 72 bytes; a longer password would silently lose its tail.</summary>
    public const int MaxBytes = 72;

    public static IRuleBuilderOptions<T, string?> ValidPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Enter a password.")
            .MinimumLength(MinLength).WithMessage($"Use a password of at least {MinLength} characters.")

            // A character is at least a byte: too many characters is too many bytes (and gives the OpenAPI document its
            // maxLength); the byte count then catches the rest, each with the same one message.
            .MaximumLength(MaxBytes).WithMessage(TooLong)
            .Must(p => p is null || p.Length > MaxBytes || Encoding.UTF8.GetByteCount(p) <= MaxBytes).WithMessage(TooLong);

    private static readonly string TooLong = $"Use a shorter password: at most {MaxBytes} bytes (fewer characters when it has accents or symbols).";
}
