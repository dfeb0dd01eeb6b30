using Microsoft.Extensions.Options;
using OrderTracking.Infrastructure.Identity;

namespace OrderTracking.WebApi.Security;

/// <summary>Startup refuses a signing key that anyone could know, in every environment, and says how to make a good one.</summary>
public sealed class SigningKeyValidation : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options) =>
        SigningKeyRules.Problem(options.SigningKey) is { } problem
            ? ValidateOptionsResult.Fail($"{problem} {SigningKeyRules.HowToMakeOne}")
            : ValidateOptionsResult.Success;
}
