using OrderTracking.Domain.Users;
using Riok.Mapperly.Abstractions;

namespace OrderTracking.Application.Users.Common;

/// <summary>A user account as admins and the user itself see it. Never carries the password hash.</summary>
public sealed record UserDto(Guid Id, string Email, string DisplayName, UserRole Role, bool IsActive, DateTimeOffset CreatedAt);

[Mapper]
public static partial class UserMapper
{
    [MapperIgnoreSource(nameof(User.PasswordHash))]
    [MapperIgnoreSource(nameof(User.UpdatedAt))]
    [MapperIgnoreSource(nameof(User.ActorType))]
    public static partial UserDto ToDto(this User user);
}
