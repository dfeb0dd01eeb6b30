using OrderTracking.Domain.Users;

namespace OrderTracking.WebApi.Contracts;

/// <summary>Changes to an account; fields left out stay as they are. <c>password</c> resets the password.</summary>
public sealed record UpdateUserRequest(string? DisplayName = null, UserRole? Role = null, bool? IsActive = null, string? Password = null)
{
    public override string ToString() => $"UpdateUserRequest {{ DisplayName = {DisplayName}, Role = {Role}, IsActive = {IsActive} }}";
}
