using OrderTracking.Application.Users.Commands.UpdateUser;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.OpenApi.Validation;

namespace OrderTracking.WebApi.Contracts;

/// <summary>Changes to an account; fields left out stay as they are. <c>password</c> resets the password.</summary>
[ValidatedAs(typeof(UpdateUserCommand))]
public sealed record UpdateUserRequest(string? DisplayName = null, UserRole? Role = null, bool? IsActive = null, string? Password = null)
{
    public override string ToString() => $"UpdateUserRequest {{ DisplayName = {DisplayName}, Role = {Role}, IsActive = {IsActive} }}";
}
