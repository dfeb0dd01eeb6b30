using OrderTracking.Domain.Users;
using Riok.Mapperly.Abstractions;

namespace OrderTracking.Application.Users.Common;

/// <summary>A user account as admins and the user itself see it. Never carries the password hash.</summary>
/// <param name="LockedUntil">Set while sign-in is locked after too many failed attempts; a password reset lifts it.</param>
public sealed record UserDto(Guid Id, string Email, string DisplayName, UserRole Role, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset? LockedUntil);

[Mapper]
public static partial class UserMapper
{
    [MapperIgnoreSource(nameof(User.PasswordHash))]
    [MapperIgnoreSource(nameof(User.UpdatedAt))]
    [MapperIgnoreSource(nameof(User.ActorType))]
    [MapperIgnoreSource(nameof(User.FailedSignInCount))]
    [MapperIgnoreSource(nameof(User.FailedSignInWindowStart))]
    [MapperIgnoreSource(nameof(User.Version))]
    [MapperIgnoreSource(nameof(User.SessionVersion))]
    [MapperIgnoreSource(nameof(User.SessionState))]
    public static partial UserDto ToDto(this User user);
}
