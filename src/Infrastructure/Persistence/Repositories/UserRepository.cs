using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Users;

namespace OrderTracking.Infrastructure.Persistence.Repositories;

public sealed class UserRepository(AppDbContext db) : IUserRepository
{
    public Task<User?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    public Task<User?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Email == normalizedEmail, cancellationToken);

    public Task<bool> EmailExistsAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Email == normalizedEmail, cancellationToken);

    public async Task<IReadOnlyList<User>> ListAsync(UserRole? role, CancellationToken cancellationToken, string? search = null)
    {
        var query = db.Users.AsNoTracking().Where(u => role == null || u.Role == role);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + Like.Escape(search.Trim()) + "%";
            query = query.Where(u => EF.Functions.ILike(u.DisplayName, pattern, Like.EscapeCharacter) || EF.Functions.ILike(u.Email, pattern, Like.EscapeCharacter));
        }

        return await query.OrderBy(u => u.Email).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, string>> GetDisplayNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

    public void Add(User user) => db.Users.Add(user);

    public Task ReloadAsync(User user, CancellationToken cancellationToken) => db.Entry(user).ReloadAsync(cancellationToken);
}
