using OrderTracking.Domain.Users;

namespace OrderTracking.Application.Common.Interfaces;

public interface IUserRepository
{
    Task<User?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken);

    Task<bool> EmailExistsAsync(string normalizedEmail, CancellationToken cancellationToken);

    /// <summary>Users ordered by email, optionally of one role and whose name or email contains <paramref name="search"/> (any case).</summary>
    Task<IReadOnlyList<User>> ListAsync(UserRole? role, CancellationToken cancellationToken, string? search = null);

    Task<IReadOnlyDictionary<Guid, string>> GetDisplayNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    void Add(User user);

    /// <summary>Reads the user's row again, after another writer changed it first.</summary>
    Task ReloadAsync(User user, CancellationToken cancellationToken);
}
