using System.Text;
using FluentValidation;

namespace OrderTracking.Application.Users.Common;

public static class PasswordRules
{
    public const int MinLength = 8;

    /// <summary>bcrypt reads only the first 72 bytes; a longer password would silently lose its tail.</summary>
    public const int MaxBytes = 72;

    public static IRuleBuilderOptions<T, string?> ValidPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .MinimumLength(MinLength)
            .Must(p => p is null || Encoding.UTF8.GetByteCount(p) <= MaxBytes).WithMessage($"'Password' must be at most {MaxBytes} bytes long.");
}
